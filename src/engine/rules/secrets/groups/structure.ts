/** Structure and generic rules: keys, tokens and passwords recognised by their shape or their place. */
import type { Rule } from '../../../rule.js';
import privateKey from '../private-key.js';
import pgpPrivateKey from '../pgp-private-key.js';
import puttyPrivateKey from '../putty-private-key.js';
import keyStoreFile from '../key-store-file.js';
import jwt from '../jwt.js';
import cryptoWalletKey from '../crypto-wallet-key.js';
import solanaKeypairFile from '../solana-keypair-file.js';
import connectionString from '../connection-string.js';
import basicAuthUrl from '../basic-auth-url.js';
import adoConnectionString from '../ado-connection-string.js';
import npmrcAuth from '../npmrc-auth.js';
import pypircPassword from '../pypirc-password.js';
import netrcPassword from '../netrc-password.js';
import pgpassPassword from '../pgpass-password.js';
import dockerConfigAuth from '../docker-config-auth.js';
import gitCredentials from '../git-credentials.js';
import htpasswd from '../htpasswd.js';
import networkDevicePassword from '../network-device-password.js';
import gppCpassword from '../gpp-cpassword.js';
import vncPassword from '../vnc-password.js';
import winscpPassword from '../winscp-password.js';
import rcloneObscuredPassword from '../rclone-obscured-password.js';
import windowsUnattendPassword from '../windows-unattend-password.js';
import wordpressAuthKey from '../wordpress-auth-key.js';
import composerAuthToken from '../composer-auth-token.js';
import pgbouncerUserlistPassword from '../pgbouncer-userlist-password.js';
import smbpasswdNtHash from '../smbpasswd-nt-hash.js';
import openvpnStaticKey from '../openvpn-static-key.js';
import filezillaPassword from '../filezilla-password.js';
import mremotengPassword from '../mremoteng-password.js';
import dbeaverCredentials from '../dbeaver-credentials.js';
import openvpnInlineCredentials from '../openvpn-inline-credentials.js';
import openvpnCredentialsFile from '../openvpn-credentials-file.js';
import jenkinsCredential from '../jenkins-credential.js';
import jenkinsMasterKey from '../jenkins-master-key.js';
import navicatPassword from '../navicat-password.js';
import heidisqlPassword from '../heidisql-password.js';
import securecrtPassword from '../securecrt-password.js';
import svnSimplePassword from '../svn-simple-password.js';
import mavenMasterPassword from '../maven-master-password.js';
import kubernetesSecret from '../kubernetes-secret.js';
import authorizationHeader from '../authorization-header.js';
import curlBasicAuth from '../curl-basic-auth.js';
import commandLinePassword from '../command-line-password.js';
import genericSecret from '../generic-secret.js';
import genericPassword from '../generic-password.js';

export const rules: Rule[] = [
  privateKey,
  pgpPrivateKey,
  puttyPrivateKey,
  keyStoreFile,
  jwt,
  cryptoWalletKey,
  solanaKeypairFile,
  connectionString,
  basicAuthUrl,
  adoConnectionString,
  npmrcAuth,
  pypircPassword,
  netrcPassword,
  pgpassPassword,
  dockerConfigAuth,
  gitCredentials,
  htpasswd,
  networkDevicePassword,
  gppCpassword,
  vncPassword,
  winscpPassword,
  rcloneObscuredPassword,
  windowsUnattendPassword,
  wordpressAuthKey,
  composerAuthToken,
  pgbouncerUserlistPassword,
  smbpasswdNtHash,
  openvpnStaticKey,
  filezillaPassword,
  mremotengPassword,
  dbeaverCredentials,
  openvpnInlineCredentials,
  openvpnCredentialsFile,
  jenkinsCredential,
  jenkinsMasterKey,
  navicatPassword,
  heidisqlPassword,
  securecrtPassword,
  svnSimplePassword,
  mavenMasterPassword,
  kubernetesSecret,
  authorizationHeader,
  curlBasicAuth,
  commandLinePassword,
  genericSecret,
  genericPassword,
];
