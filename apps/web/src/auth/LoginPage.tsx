import { Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { LoginRequest } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { validateWith } from '../lib/validation';
import { useLogin, useMe } from './session';

export function LoginPage() {
  const { t } = useTranslation();
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const next = (location.state as { from?: string } | null)?.from ?? '/customers';
  const form = useForm({ initialValues: { email: '', password: '' }, validate: validateWith(LoginRequest) });
  if (me.data) return <Navigate to={next} replace />;
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={380} radius="md">
        <form
          noValidate
          onSubmit={form.onSubmit((values) =>
            login.mutate(values, { onSuccess: () => navigate(next, { replace: true }) }),
          )}
        >
          <Stack>
            <Title order={2}>{t('app.name')}</Title>
            <TextInput label={t('login.email')} type="email" autoComplete="username" {...form.getInputProps('email')} />
            <PasswordInput
              label={t('login.password')}
              autoComplete="current-password"
              {...form.getInputProps('password')}
            />
            <ErrorAlert error={login.error} />
            <Button type="submit" loading={login.isPending}>
              {t('login.submit')}
            </Button>
            <LanguageSwitch />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
