export const CONTENT_SECURITY_POLICY: string;
export const SECURITY_HEADERS: Readonly<Record<string, string>>;
