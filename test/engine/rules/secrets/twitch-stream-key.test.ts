import rule from '../../../../src/engine/rules/secrets/twitch-stream-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { ALNUM, LOWER_ALNUM, cat, rand } from '../../../helpers/tokens.js';

const key = cat('live', '_', rand(9, '0123456789', 'tw-id'), '_', rand(30, ALNUM, 'tw-key'));

ruleTester(rule, {
  valid: [
    'DestinationTextBox.Text = "rtmp://live.twitch.tv/app/live_xxxxxxxx_xxxxxxxxxx";',
    'Test URL: rtmp://live.twitch.tv/app/live_123456789_abcd1234',
    `TWITCH_STREAM_KEY=${cat('live', '_', '123456789', '_', 'x'.repeat(30))}`,
    `TWITCH_STREAM_KEY=${cat('live', '_', '123456789', '_', rand(30, LOWER_ALNUM, 'lower'))}`, // one case only
    `STRIPE_KEY=${cat('sk', '_live_', '123456789', '_', rand(30, ALNUM, 'stripe'))}`,
    `TWITCH_STREAM_KEY=${cat('live', '_', 'abcdefgh', '_', rand(30, ALNUM, 'noid'))}`,
    'output: "rtmp://live.twitch.tv/app/live_123"',
  ],
  invalid: [
    { code: `TWITCH_STREAM_KEY=${key}`, secret: key, path: '.env' },
    { code: `ffmpeg -re -i in.mp4 -c:v libx264 -f flv "rtmp://live.twitch.tv/app/${key}"`, secret: key, path: 'stream.sh' },
    { code: `LiveManager.getInstance().start("rtmp://live.twitch.tv/app/${key}");`, secret: key, path: 'Stream.java' },
    { code: `streams = "[f=flv:onfail=ignore]rtmp://live.twitch.tv/app/${key}|"`, secret: key, path: 'restream.py' },
  ],
});
