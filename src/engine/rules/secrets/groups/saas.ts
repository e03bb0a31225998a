/** SaaS, collaboration, payments, monitoring and AI providers. */
import type { Rule } from '../../../rule.js';
import slackToken from '../slack-token.js';
import slackWebhook from '../slack-webhook.js';
import discordBotToken from '../discord-bot-token.js';
import discordSecret from '../discord-secret.js';
import discordWebhook from '../discord-webhook.js';
import telegramBotToken from '../telegram-bot-token.js';
import microsoftTeamsWebhook from '../microsoft-teams-webhook.js';
import chatWebhookUrl from '../chat-webhook-url.js';
import twilioApiKey from '../twilio-api-key.js';
import twilioAuthToken from '../twilio-auth-token.js';
import sendgridApiKey from '../sendgrid-api-key.js';
import mailgunApiKey from '../mailgun-api-key.js';
import mailchimpApiKey from '../mailchimp-api-key.js';
import postmarkServerToken from '../postmark-server-token.js';
import brevoApiKey from '../brevo-api-key.js';
import stripeSecretKey from '../stripe-secret-key.js';
import clerkSecretKey from '../clerk-secret-key.js';
import paystackSecretKey from '../paystack-secret-key.js';
import pagarmeApiKey from '../pagarme-api-key.js';
import pubnubKey from '../pubnub-key.js';
import bannerbearApiKey from '../bannerbear-api-key.js';
import fleetbaseApiKey from '../fleetbase-api-key.js';
import stripeWebhookSecret from '../stripe-webhook-secret.js';
import svixWebhookSecret from '../svix-webhook-secret.js';
import squareAccessToken from '../square-access-token.js';
import squareOauthSecret from '../square-oauth-secret.js';
import paypalBraintreeToken from '../paypal-braintree-token.js';
import shopifyToken from '../shopify-token.js';
import woocommerceApiKey from '../woocommerce-api-key.js';
import flutterwaveKey from '../flutterwave-key.js';
import razorpayKeySecret from '../razorpay-key-secret.js';
import plaidCredential from '../plaid-credential.js';
import coinbaseApiKey from '../coinbase-api-key.js';
import atlassianApiToken from '../atlassian-api-token.js';
import linearApiKey from '../linear-api-key.js';
import notionToken from '../notion-token.js';
import asanaToken from '../asana-token.js';
import airtableToken from '../airtable-token.js';
import hubspotToken from '../hubspot-token.js';
import typeformToken from '../typeform-token.js';
import zendeskApiToken from '../zendesk-api-token.js';
import intercomAccessToken from '../intercom-access-token.js';
import algoliaApiKey from '../algolia-api-key.js';
import contentfulToken from '../contentful-token.js';
import pagerdutyApiKey from '../pagerduty-api-key.js';
import launchdarklyKey from '../launchdarkly-key.js';
import mapboxToken from '../mapbox-token.js';
import dropboxToken from '../dropbox-token.js';
import postmanApiKey from '../postman-api-key.js';
import datadogApiKey from '../datadog-api-key.js';
import newRelicKey from '../new-relic-key.js';
import sentryToken from '../sentry-token.js';
import sentryDsnSecret from '../sentry-dsn-secret.js';
import grafanaToken from '../grafana-token.js';
import dynatraceApiToken from '../dynatrace-api-token.js';
import oktaApiToken from '../okta-api-token.js';
import openaiApiKey from '../openai-api-key.js';
import anthropicApiKey from '../anthropic-api-key.js';
import anthropicAdminKey from '../anthropic-admin-key.js';
import huggingfaceToken from '../huggingface-token.js';
import replicateApiToken from '../replicate-api-token.js';
import groqApiKey from '../groq-api-key.js';
import perplexityApiKey from '../perplexity-api-key.js';
import xaiApiKey from '../xai-api-key.js';
import pineconeApiKey from '../pinecone-api-key.js';
import prefectApiKey from '../prefect-api-key.js';
import databricksToken from '../databricks-token.js';
import dbtCloudToken from '../dbt-cloud-token.js';
import ionicToken from '../ionic-token.js';
import truenasApiKey from '../truenas-api-key.js';
import onePasswordToken from '../1password-token.js';
import ageSecretKey from '../age-secret-key.js';
import signifySecretKey from '../signify-secret-key.js';
import tinkCleartextKeyset from '../tink-cleartext-keyset.js';
import vaultUnsealKey from '../vault-unseal-key.js';
import dockerSwarmJoinToken from '../docker-swarm-join-token.js';
import k3sToken from '../k3s-token.js';
import googleOauthToken from '../google-oauth-token.js';
import twitterBearerToken from '../twitter-bearer-token.js';
import twitterApiCredential from '../twitter-api-credential.js';
import facebookAccessToken from '../facebook-access-token.js';
import facebookAppSecret from '../facebook-app-secret.js';
import figmaToken from '../figma-token.js';
import shippoApiToken from '../shippo-api-token.js';
import easypostApiKey from '../easypost-api-key.js';
import sumoLogicAccessKey from '../sumo-logic-access-key.js';

import duffelApiToken from '../duffel-api-token.js';
import frameioApiToken from '../frameio-api-token.js';
import intra42ClientSecret from '../intra42-client-secret.js';
import maxmindLicenseKey from '../maxmind-license-key.js';
import readmeApiKey from '../readme-api-key.js';
import settlemintToken from '../settlemint-token.js';
import adobeClientSecret from '../adobe-client-secret.js';
import openrouterApiKey from '../openrouter-api-key.js';
import nvidiaApiKey from '../nvidia-api-key.js';
import langsmithApiKey from '../langsmith-api-key.js';
import adafruitIoKey from '../adafruit-io-key.js';
import posthogPersonalApiKey from '../posthog-personal-api-key.js';
import zapierWebhookUrl from '../zapier-webhook-url.js';
import salesforceAccessToken from '../salesforce-access-token.js';
import rootlyApiKey from '../rootly-api-key.js';
import rampApiSecret from '../ramp-api-secret.js';
import apifyApiToken from '../apify-api-token.js';
import mailersendApiToken from '../mailersend-api-token.js';
import wakatimeApiKey from '../wakatime-api-key.js';
import ngrokAuthtoken from '../ngrok-authtoken.js';
import deepseekApiKey from '../deepseek-api-key.js';
import elevenlabsApiKey from '../elevenlabs-api-key.js';
import trelloApiToken from '../trello-api-token.js';
import kucoinApiCredential from '../kucoin-api-credential.js';
import squarespaceApiKey from '../squarespace-api-key.js';
import bittrexApiKey from '../bittrex-api-key.js';
import cohereApiKey from '../cohere-api-key.js';
import etsyApiKey from '../etsy-api-key.js';
import finicityCredential from '../finicity-credential.js';
import finnhubApiKey from '../finnhub-api-key.js';
import flickrApiKey from '../flickr-api-key.js';
import freshbooksAccessToken from '../freshbooks-access-token.js';
import gitterAccessToken from '../gitter-access-token.js';
import gocardlessAccessToken from '../gocardless-access-token.js';
import krakenApiKey from '../kraken-api-key.js';
import linkedinClientSecret from '../linkedin-client-secret.js';
import lookerClientSecret from '../looker-client-secret.js';
import mattermostAccessToken from '../mattermost-access-token.js';
import messagebirdApiKey from '../messagebird-api-key.js';
import nytimesApiKey from '../nytimes-api-key.js';
import privateaiApiKey from '../privateai-api-key.js';
import rapidapiKey from '../rapidapi-key.js';
import sendbirdApiToken from '../sendbird-api-token.js';
import twitchApiToken from '../twitch-api-token.js';
import beamerApiKey from '../beamer-api-key.js';
import lobApiKey from '../lob-api-key.js';
import authressServiceClientAccessKey from '../authress-service-client-access-key.js';
import freemiusSecretKey from '../freemius-secret-key.js';
import langfuseSecretKey from '../langfuse-secret-key.js';
import stytchSecret from '../stytch-secret.js';
import telnyxApiKey from '../telnyx-api-key.js';
import ubidotsToken from '../ubidots-token.js';
import voiceflowApiKey from '../voiceflow-api-key.js';
import nightfallApiKey from '../nightfall-api-key.js';
import clickupApiToken from '../clickup-api-token.js';
import tinesWebhookUrl from '../tines-webhook-url.js';
import tableauPatSecret from '../tableau-pat-secret.js';
import honeycombApiKey from '../honeycomb-api-key.js';
import checkoutComSecretKey from '../checkout-com-secret-key.js';
import klaviyoPrivateKey from '../klaviyo-private-key.js';
import infuraApiKey from '../infura-api-key.js';
import alchemyApiKey from '../alchemy-api-key.js';
import cloudinaryUrl from '../cloudinary-url.js';
import opsgenieApiKey from '../opsgenie-api-key.js';
import wandbApiKey from '../wandb-api-key.js';
import mailjetApiSecret from '../mailjet-api-secret.js';
import mandrillApiKey from '../mandrill-api-key.js';
import sparkpostApiKey from '../sparkpost-api-key.js';
import etherscanApiKey from '../etherscan-api-key.js';
import deepgramApiKey from '../deepgram-api-key.js';
import pusherAppSecret from '../pusher-app-secret.js';
import plivoAuthToken from '../plivo-auth-token.js';
import vonageApiSecret from '../vonage-api-secret.js';
import auth0ClientSecret from '../auth0-client-secret.js';
import bugsnagApiKey from '../bugsnag-api-key.js';
import tavilyApiKey from '../tavily-api-key.js';
import firecrawlApiKey from '../firecrawl-api-key.js';
import jinaApiKey from '../jina-api-key.js';
import onesignalApiKey from '../onesignal-api-key.js';
import segmentPublicApiToken from '../segment-public-api-token.js';
import twitchStreamKey from '../twitch-stream-key.js';
import zohoOauthToken from '../zoho-oauth-token.js';
import scrapflyApiKey from '../scrapfly-api-key.js';
import teamworkApiToken from '../teamwork-api-token.js';
import adyenApiKey from '../adyen-api-key.js';
import rollbarAccessToken from '../rollbar-access-token.js';
import uuidServiceKey from '../uuid-service-key.js';
import resendApiKey from '../resend-api-key.js';
import inngestSigningKey from '../inngest-signing-key.js';
import appwriteApiKey from '../appwrite-api-key.js';
import unkeyRootKey from '../unkey-root-key.js';
import natsNkeySeed from '../nats-nkey-seed.js';
import axiomToken from '../axiom-token.js';
import bitwardenAccessToken from '../bitwarden-access-token.js';
import triggerDevSecretKey from '../trigger-dev-secret-key.js';
import infisicalServiceToken from '../infisical-service-token.js';
import heliconeApiKey from '../helicone-api-key.js';
import convexDeployKey from '../convex-deploy-key.js';
import modalTokenSecret from '../modal-token-secret.js';
export const rules: Rule[] = [
  slackToken,
  slackWebhook,
  discordBotToken,
  discordSecret,
  discordWebhook,
  telegramBotToken,
  microsoftTeamsWebhook,
  chatWebhookUrl,
  twilioApiKey,
  twilioAuthToken,
  sendgridApiKey,
  mailgunApiKey,
  mailchimpApiKey,
  postmarkServerToken,
  brevoApiKey,
  stripeSecretKey,
  clerkSecretKey,
  paystackSecretKey,
  pagarmeApiKey,
  pubnubKey,
  bannerbearApiKey,
  fleetbaseApiKey,
  stripeWebhookSecret,
  svixWebhookSecret,
  squareAccessToken,
  squareOauthSecret,
  paypalBraintreeToken,
  shopifyToken,
  woocommerceApiKey,
  flutterwaveKey,
  razorpayKeySecret,
  plaidCredential,
  coinbaseApiKey,
  atlassianApiToken,
  linearApiKey,
  notionToken,
  asanaToken,
  airtableToken,
  hubspotToken,
  typeformToken,
  zendeskApiToken,
  intercomAccessToken,
  algoliaApiKey,
  contentfulToken,
  pagerdutyApiKey,
  launchdarklyKey,
  mapboxToken,
  dropboxToken,
  postmanApiKey,
  datadogApiKey,
  newRelicKey,
  sentryToken,
  sentryDsnSecret,
  grafanaToken,
  dynatraceApiToken,
  oktaApiToken,
  openaiApiKey,
  anthropicApiKey,
  anthropicAdminKey,
  huggingfaceToken,
  replicateApiToken,
  groqApiKey,
  perplexityApiKey,
  xaiApiKey,
  pineconeApiKey,
  prefectApiKey,
  databricksToken,
  dbtCloudToken,
  ionicToken,
  truenasApiKey,
  onePasswordToken,
  ageSecretKey,
  signifySecretKey,
  tinkCleartextKeyset,
  vaultUnsealKey,
  dockerSwarmJoinToken,
  k3sToken,
  googleOauthToken,
  twitterBearerToken,
  twitterApiCredential,
  facebookAccessToken,
  facebookAppSecret,
  figmaToken,
  shippoApiToken,
  easypostApiKey,
  sumoLogicAccessKey,
  duffelApiToken,
  frameioApiToken,
  intra42ClientSecret,
  maxmindLicenseKey,
  readmeApiKey,
  settlemintToken,
  adobeClientSecret,
  openrouterApiKey,
  nvidiaApiKey,
  langsmithApiKey,
  adafruitIoKey,
  posthogPersonalApiKey,
  zapierWebhookUrl,
  salesforceAccessToken,
  rootlyApiKey,
  rampApiSecret,
  apifyApiToken,
  mailersendApiToken,
  wakatimeApiKey,
  ngrokAuthtoken,
  deepseekApiKey,
  elevenlabsApiKey,
  trelloApiToken,
  kucoinApiCredential,
  squarespaceApiKey,
  bittrexApiKey,
  cohereApiKey,
  etsyApiKey,
  finicityCredential,
  finnhubApiKey,
  flickrApiKey,
  freshbooksAccessToken,
  gitterAccessToken,
  gocardlessAccessToken,
  krakenApiKey,
  linkedinClientSecret,
  lookerClientSecret,
  mattermostAccessToken,
  messagebirdApiKey,
  nytimesApiKey,
  privateaiApiKey,
  rapidapiKey,
  sendbirdApiToken,
  twitchApiToken,
  beamerApiKey,
  lobApiKey,
  authressServiceClientAccessKey,
  freemiusSecretKey,
  langfuseSecretKey,
  stytchSecret,
  telnyxApiKey,
  ubidotsToken,
  voiceflowApiKey,
  nightfallApiKey,
  clickupApiToken,
  tinesWebhookUrl,
  tableauPatSecret,
  honeycombApiKey,
  checkoutComSecretKey,
  klaviyoPrivateKey,
  infuraApiKey,
  alchemyApiKey,
  cloudinaryUrl,
  opsgenieApiKey,
  wandbApiKey,
  mailjetApiSecret,
  mandrillApiKey,
  sparkpostApiKey,
  etherscanApiKey,
  deepgramApiKey,
  pusherAppSecret,
  plivoAuthToken,
  vonageApiSecret,
  auth0ClientSecret,
  bugsnagApiKey,
  tavilyApiKey,
  firecrawlApiKey,
  jinaApiKey,
  onesignalApiKey,
  segmentPublicApiToken,
  twitchStreamKey,
  zohoOauthToken,
  scrapflyApiKey,
  teamworkApiToken,
  adyenApiKey,
  rollbarAccessToken,
  uuidServiceKey,
  resendApiKey,
  inngestSigningKey,
  appwriteApiKey,
  unkeyRootKey,
  natsNkeySeed,
  axiomToken,
  bitwardenAccessToken,
  triggerDevSecretKey,
  infisicalServiceToken,
  heliconeApiKey,
  convexDeployKey,
  modalTokenSecret,
];
