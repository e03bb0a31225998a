import { defineSecretRule } from './define.js';

/** Adafruit IO keys: `aio_` and 28 alphanumerics. */
export default defineSecretRule({
  id: 'secrets/adafruit-io-key',
  description: 'Adafruit IO key',
  severity: 'high',
  keywords: ['aio_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>aio_[A-Za-z0-9]{28})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'Adafruit IO',
    url: 'https://io.adafruit.com/',
    steps: [
      "On io.adafruit.com open 'My Key' and regenerate the key (every device using it must be updated).",
      'Review feeds and dashboards for data you did not write.',
      "Store the new key in the device's secrets file, not in the sketch.",
    ],
  },
});
