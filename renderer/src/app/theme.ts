import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * Dark by default: the app is used at night, in cars and at police stations. Readable for everyone: filled
 * buttons and badges take black or white text, whichever contrasts more with their colour (the threshold is the
 * luminance where both are equal, so either choice gives at least 4.58:1); the focus ring is drawn by focus.css.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  autoContrast: true,
  luminanceThreshold: 0.179,
  focusRing: 'never',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
});

/**
 * Secondary text ("dimmed") and placeholders at 4.5:1 or more on the page and on inputs (Mantine's grey on dark
 * grey is 4.0:1); the focus ring at 3:1 or more on every background of its scheme.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-placeholder': '#6a7178',
    '--obhut-focus-ring': '#1864ab',
  },
  dark: {
    '--mantine-color-dimmed': '#ababab',
    '--mantine-color-placeholder': '#9e9e9e',
    '--obhut-focus-ring': '#ffd43b',
  },
});
