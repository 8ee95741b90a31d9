/** The emulated Communication Services resource and Twilio account (local configuration names these). */
export const ACS_RESOURCE_ID = '5a1f0e2c-6b7d-4c8e-9f0a-1b2c3d4e5f60';
/** Any base64 key: the emulator does not check the HMAC of Call Automation requests. */
export const ACS_ACCESS_KEY = 'ZW11bGF0b3Itb25seS1hY3MtYWNjZXNzLWtleQ==';
export const ACS_SOURCE_NUMBER = '+18005550100';
export const TWILIO_ACCOUNT_SID = 'AC00000000000000000000000000000001';
export const TWILIO_AUTH_TOKEN = 'emulator-only-twilio-auth-token';
export const TWILIO_FROM = '+18005550101';
