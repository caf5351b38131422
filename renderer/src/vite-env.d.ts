/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_OBHUT_SERVER_URL?: string;
}
