"""
Independent reference fits for bench/ltvPipeline.bench.ts: the BG/NBD, Gamma-Gamma and
Pareto/NBD log-likelihoods transcribed from Fader, Hardie & Lee (2005) and Fader & Hardie's
notes 009 and 025 into numpy/scipy (the same library calls lifetimes makes), maximised with
scipy's Nelder-Mead to tight tolerances. Prints JSON: parameters and seconds per fit.

Usage: python3 bench/reference/btyd_reference.py bench/.data/ltv-1000000.csv
       python3 bench/reference/btyd_reference.py bench/.data/pareto-1000000.csv --pareto
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import gammaln, hyp2f1, logsumexp

path = sys.argv[1]
data = np.loadtxt(path, delimiter=",", skiprows=1)
x, tx, T, m = data[:, 0], data[:, 1], data[:, 2], data[:, 3]
n = len(x)


def bg_nbd_nll(log_params):
    r, alpha, a, b = np.exp(log_params)
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    a3 = -(r + x) * np.log(alpha + T)
    a4 = np.log(a) - np.log(b + np.maximum(x, 1) - 1) - (r + x) * np.log(tx + alpha)
    ll = a1 + a2 + np.logaddexp(a3, np.where(x > 0, a4, -np.inf))
    return -ll.sum() / n


repeat = x > 0
xr, mr = x[repeat], m[repeat]


def gamma_gamma_nll(log_params):
    p, q, g = np.exp(log_params)
    ll = (gammaln(p * xr + q) - gammaln(p * xr) - gammaln(q) + q * np.log(g)
          + (p * xr - 1) * np.log(mr) + p * xr * np.log(xr) - (p * xr + q) * np.log(g + xr * mr))
    return -ll.sum() / len(xr)


def pareto_nbd_nll(log_params):
    r, alpha, s, beta = np.exp(log_params)
    if alpha < beta:
        lo, hi, t = alpha, beta, r + x
    else:
        lo, hi, t = beta, alpha, s + 1
    rsf = r + s + x
    p1 = hyp2f1(rsf, t, rsf + 1.0, (hi - lo) / (hi + tx))
    p2 = hyp2f1(rsf, t, rsf + 1.0, (hi - lo) / (hi + T))
    q1, q2 = hi + tx, hi + T
    log_a0 = logsumexp([np.log(p1) + rsf * np.log(q2), np.log(p2) + rsf * np.log(q1)], axis=0, b=[[1], [-1]]) - rsf * np.log(q1 * q2)
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha) + s * np.log(beta)
    a2 = np.logaddexp(-(r + x) * np.log(alpha + T) - s * np.log(beta + T), np.log(s) + log_a0 - np.log(rsf))
    return -(a1 + a2).sum() / n


def fit(nll, start, names):
    started = time.perf_counter()
    result = minimize(nll, np.log(start), method="Nelder-Mead",
                      options={"xatol": 1e-10, "fatol": 1e-14, "maxiter": 20000, "maxfev": 40000})
    seconds = time.perf_counter() - started
    params = dict(zip(names, np.exp(result.x).tolist()))
    return {"params": params, "logLik": float(-result.fun * n), "seconds": round(seconds, 2), "iterations": int(result.nit)}


out = {"customers": n}
if "--pareto" in sys.argv:
    out["paretoNbd"] = fit(pareto_nbd_nll, [1, 10, 1, 10], ["r", "alpha", "s", "beta"])
else:
    out["bgNbd"] = fit(bg_nbd_nll, [1, 10, 1, 1], ["r", "alpha", "a", "b"])
    out["gammaGamma"] = fit(gamma_gamma_nll, [1, 1, 1], ["p", "q", "gamma"])
print(json.dumps(out))
