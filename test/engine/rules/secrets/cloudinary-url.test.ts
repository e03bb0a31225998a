import rule from '../../../../src/engine/rules/secrets/cloudinary-url.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, B64URL } from '../../../helpers/tokens.js';

const key = rand(27, B64URL, 'cloudinary');

ruleTester(rule, {
  valid: [
    `CLOUDINARY_URL=cloudinary://123456789012345:${rand(20, B64URL, 'a')}@demo`,
    `CLOUDINARY_URL=cloudinary://<api_key>:<api_secret>@<cloud_name>`,
    `CLOUDINARY_API_SECRET=\${CLOUDINARY_API_SECRET}`,
    `CLOUDINARY_API_KEY=123456789012345`,
    `cloudinary_cloud_name = "${key}"`,
  ],
  invalid: [
    { code: `CLOUDINARY_URL=cloudinary://123456789012345:${key}@my-cloud`, path: '.env', secret: key, count: 1 },
    { code: `CLOUDINARY_API_SECRET=${key}`, path: '.env', secret: key },
    { code: `cloudinary.config(cloud_name="demo", api_key="123456789012345", api_secret="${key}")`, path: 'media.py', secret: key },
    { code: `cloudinary:\n  api_secret: ${key}`, path: 'config.yml', secret: key },
  ],
});
