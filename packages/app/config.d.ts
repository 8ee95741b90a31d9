export interface Config {
  app?: {
    signIn?: {
      /**
       * Sign-in buttons on the sign-in page: `guest` (local development
       * only) and `microsoft` (Entra ID).
       * @visibility frontend
       */
      providers?: Array<'guest' | 'microsoft'>;
    };
  };
}
