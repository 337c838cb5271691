// oidc-provider ships no types; the SSO browser test uses a handful of its calls.
declare module "oidc-provider";
