import rule from '../../../../src/engine/rules/secrets/flickr-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX } from '../../../helpers/tokens.js';

const key = rand(32, HEX, 'flickr-key');
const secret = rand(16, HEX, 'flickr-secret');

ruleTester(rule, {
  valid: [`api_key = "${key}"`, `FLICKR_API_KEY=${rand(31, HEX, 'f')}`, `FLICKR_API_KEY=\${FLICKR_API_KEY}`, `flickr_photo_id = "${key}"`, `flickr_user = "${secret}"`],
  invalid: [
    { code: `FLICKR_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `FLICKR_SECRET=${secret}`, path: '.env', secret: secret },
    { code: `flickr = flickrapi.FlickrAPI(api_key, api_secret)\nflickr_key = "${key}"`, path: 'upload.py', secret: key },
    { code: `flickr:\n  api_key: "${key}"`, path: 'config.yml', secret: key },
    { code: `{"flickrApiKey": "${key}"}`, path: 'app.json', secret: key },
  ],
});
