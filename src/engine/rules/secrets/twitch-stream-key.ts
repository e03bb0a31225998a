import { defineSecretRule } from './define.js';

/**
 * Twitch stream keys: `live_`, the channel's numeric user id, `_` and 30 letters and digits. Whoever
 * holds one can broadcast on the channel. They turn up in OBS/ffmpeg scripts, often inside the ingest
 * URL (`rtmp://live.twitch.tv/app/live_…`).
 */
export default defineSecretRule({
  id: 'secrets/twitch-stream-key',
  description: 'Twitch stream key',
  severity: 'high',
  keywords: ['live_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>live_[0-9]{5,12}_[A-Za-z0-9]{30})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.8,
  validate: (s) => {
    const body = s.slice(s.lastIndexOf('_') + 1);
    return /[A-Z]/.test(body) && /[a-z]/.test(body) && /[0-9]/.test(body);
  },
  revoke: {
    provider: 'Twitch',
    url: 'https://dashboard.twitch.tv/settings/stream',
    steps: [
      'In the Twitch Creator Dashboard → Settings → Stream, reset the primary stream key (this ends any stream using the old one).',
      'Check the channel’s past broadcasts for streams you did not start since the commit.',
      'Keep the new key in the encoder’s settings or a secret store, never in a script or config file in the repository.',
    ],
  },
});
