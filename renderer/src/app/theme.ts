import { createTheme } from '@mantine/core';

/** Dark by default: the app is used at night, in cars and at police stations. */
export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
});
