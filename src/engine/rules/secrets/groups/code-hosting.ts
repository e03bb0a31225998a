/**
 * Code hosting, package registries and CI. Registry credentials in config files (.npmrc, Docker
 * config.json, .pypirc) are in the structure group; Postman is in the SaaS group.
 */
import type { Rule } from '../../../rule.js';
import githubToken from '../github-token.js';
import githubFineGrainedPat from '../github-fine-grained-pat.js';
import gitlabPat from '../gitlab-pat.js';
import gitlabRunnerToken from '../gitlab-runner-token.js';
import gitlabToken from '../gitlab-token.js';
import gitlabLegacyToken from '../gitlab-legacy-token.js';
import bitbucketAppPassword from '../bitbucket-app-password.js';
import bitbucketAccessToken from '../bitbucket-access-token.js';
import bitbucketClientSecret from '../bitbucket-client-secret.js';
import giteaToken from '../gitea-token.js';
import sourcegraphToken from '../sourcegraph-token.js';
import npmToken from '../npm-token.js';
import npmLegacyToken from '../npm-legacy-token.js';
import pypiToken from '../pypi-token.js';
import rubygemsApiKey from '../rubygems-api-key.js';
import nugetApiKey from '../nuget-api-key.js';
import nugetConfigPassword from '../nuget-config-password.js';
import dockerHubToken from '../docker-hub-token.js';
import jfrogToken from '../jfrog-token.js';
import clojarsToken from '../clojars-token.js';
import hexPmApiKey from '../hex-pm-api-key.js';
import cratesIoApiToken from '../crates-io-api-token.js';
import stackhawkApiKey from '../stackhawk-api-key.js';
import dependencyTrackApiKey from '../dependency-track-api-key.js';
import packagistToken from '../packagist-token.js';
import denoDeployToken from '../deno-deploy-token.js';
import mavenSettingsPassword from '../maven-settings-password.js';
import circleciToken from '../circleci-token.js';
import travisCiToken from '../travis-ci-token.js';
import buildkiteToken from '../buildkite-token.js';
import droneCiToken from '../drone-ci-token.js';
import jenkinsApiToken from '../jenkins-api-token.js';
import teamcityToken from '../teamcity-token.js';
import harnessToken from '../harness-token.js';
import codecovToken from '../codecov-token.js';
import sonarToken from '../sonar-token.js';
import snykToken from '../snyk-token.js';
import terraformCloudToken from '../terraform-cloud-token.js';
import vaultToken from '../vault-token.js';
import vaultLegacyToken from '../vault-legacy-token.js';
import octopusDeployApiKey from '../octopus-deploy-api-key.js';
import pulumiAccessToken from '../pulumi-access-token.js';
import dopplerToken from '../doppler-token.js';
import cloudsmithApiKey from '../cloudsmith-api-key.js';
import packagecloudToken from '../packagecloud-token.js';
import sidekiqCredentials from '../sidekiq-credentials.js';
import codeclimateToken from '../codeclimate-token.js';
import coverallsToken from '../coveralls-token.js';
import codacyToken from '../codacy-token.js';
import codemagicToken from '../codemagic-token.js';
import scrutinizerToken from '../scrutinizer-token.js';
import semaphoreCiToken from '../semaphore-ci-token.js';
import percyToken from '../percy-token.js';

import infracostApiKey from '../infracost-api-key.js';
export const rules: Rule[] = [
  githubToken,
  githubFineGrainedPat,
  // code hosting
  gitlabPat,
  gitlabRunnerToken,
  gitlabToken,
  gitlabLegacyToken,
  bitbucketAppPassword,
  bitbucketAccessToken,
  bitbucketClientSecret,
  giteaToken,
  sourcegraphToken,
  // package registries
  npmToken,
  npmLegacyToken,
  pypiToken,
  rubygemsApiKey,
  nugetApiKey,
  nugetConfigPassword,
  dockerHubToken,
  jfrogToken,
  clojarsToken,
  hexPmApiKey,
  cratesIoApiToken,
  stackhawkApiKey,
  dependencyTrackApiKey,
  packagistToken,
  denoDeployToken,
  mavenSettingsPassword,
  cloudsmithApiKey,
  packagecloudToken,
  sidekiqCredentials,
  // CI/CD, code quality and infrastructure automation
  circleciToken,
  travisCiToken,
  buildkiteToken,
  droneCiToken,
  jenkinsApiToken,
  teamcityToken,
  harnessToken,
  codecovToken,
  codeclimateToken,
  coverallsToken,
  codacyToken,
  codemagicToken,
  scrutinizerToken,
  semaphoreCiToken,
  percyToken,
  sonarToken,
  snykToken,
  terraformCloudToken,
  vaultToken,
  vaultLegacyToken,
  octopusDeployApiKey,
  pulumiAccessToken,
  dopplerToken,
  infracostApiKey,
];
