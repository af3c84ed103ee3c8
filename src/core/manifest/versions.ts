/** The manifest versions the platform accepts, and the current one (the page needs them alone). */
export const CURRENT_API_VERSION = '0.2.3';
export const ACCEPTED_API_VERSIONS: readonly string[] = ['0.2.1', '0.2.2', '0.2.3'];
