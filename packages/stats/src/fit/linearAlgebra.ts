/**
 * Inverse of a small symmetric positive-definite matrix (row-major) by Cholesky; null when
 * it is not positive definite (a flat or saddle likelihood: no standard errors then).
 */
export function invertSymmetric(matrix: Float64Array, k: number): Float64Array | null {
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * k + j]!;
      for (let m = 0; m < j; m++) sum -= l[i * k + m]! * l[j * k + m]!;
      if (i === j) {
        if (!(sum > 0)) return null;
        l[i * k + i] = Math.sqrt(sum);
      } else {
        l[i * k + j] = sum / l[j * k + j]!;
      }
    }
  }
  // inverse = L⁻ᵀ L⁻¹; invert L column by column.
  const lInv = new Float64Array(k * k);
  for (let col = 0; col < k; col++) {
    for (let i = 0; i < k; i++) {
      let sum = i === col ? 1 : 0;
      for (let m = 0; m < i; m++) sum -= l[i * k + m]! * lInv[m * k + col]!;
      lInv[i * k + col] = sum / l[i * k + i]!;
    }
  }
  const inverse = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let sum = 0;
      for (let m = Math.max(i, j); m < k; m++) sum += lInv[m * k + i]! * lInv[m * k + j]!;
      inverse[i * k + j] = sum;
    }
  }
  return inverse;
}
