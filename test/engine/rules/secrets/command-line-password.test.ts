import rule from '../../../../src/engine/rules/secrets/command-line-password.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { cat, rand } from '../../../helpers/tokens.js';

// Assembled at run time, so that this file is not a finding itself.
const pw = cat(rand(10, undefined, 'clpw'), '#7');
const human = cat('Summer', '2031', '!x');

ruleTester(rule, {
  valid: [
    // References, templates, prompts and placeholders.
    'docker login -u "$REGISTRY_USER" -p "$REGISTRY_PASSWORD" registry.example.test',
    'az login --service-principal -u "$ARM_CLIENT_ID" -p "$ARM_CLIENT_SECRET" --tenant "$ARM_TENANT_ID"',
    'docker login -u ${{ secrets.USER }} -p ${{ secrets.TOKEN }} ghcr.io',
    'echo "$TOKEN" | docker login -u bot --password-stdin ghcr.io',
    'docker login -u user -p password registry.test',
    'docker login -u <user> -p <password> registry.test',
    'sshpass -p "$SSH_PASS" ssh deploy@host',
    'sshpass -f ~/.pw ssh deploy@host',
    'mysql -u root -p app < dump.sql',
    'mysql -uroot -p${MYSQL_ROOT_PASSWORD} -e "select 1"',
    'mysql -u root -proot -e "show databases"',
    'mysql -u root -pYourPassword',
    'mysqldump -u app -p"$DB_PASS" app > app.sql',
    'redis-cli -h cache -a "$REDIS_PASSWORD" ping',
    'sqlcmd -S db -U sa -P $(SA_PASSWORD) -Q "select 1"',
    'ldapsearch -x -D "cn=admin,dc=x" -w $LDAP_PW -b dc=x',
    'keytool -genkey -alias app -keystore app.jks -storepass:env STOREPASS',
    'keytool -list -keystore app.jks -storepass changeit',
    'openssl pkcs12 -export -in c.pem -passout env:P12_PASS -out c.p12',
    'openssl pkcs12 -in c.p12 -passin pass:$P12_PASS',
    'zip -r out.zip dir',
    'unzip -P "$ZIP_PASSWORD" secrets.zip',
    'mongosh -u admin -p --authenticationDatabase admin',
    '$sec = ConvertTo-SecureString $env:PASSWORD -AsPlainText -Force',
    '$sec = ConvertTo-SecureString "$(Get-Secret)" -AsPlainText -Force',
    '$pw = (ConvertTo-SecureString -String ([System.Web.Security.Membership]::GeneratePassword(40, 10)) -AsPlainText -Force)',
    // Other commands and other flags.
    `docker run -p 8080:80 -e MODE=${pw} app`,
    'docker build -t app -p 1 .',
    `grep -p ${pw} file`,
    'mysql --defaults-extra-file=/run/secrets/my.cnf app',
    'sqlplus scott/tiger@orcl',
    'sqlplus app/$DB_PASSWORD@db @migrate.sql',
    'sqlplus /nolog @script.sql',
    'sqlplus -s / as sysdba',
    'psExec \\\\OAIJCTDU8024272 -u User -p $Password -i -d calc.exe',
    '%RUNTIMEDIR%\\PsExec.exe \\\\satmodel2 -u SATMODEL2\\MTCPB -p %nothing% -i 2 -c -f helper.bat',
    'PsExec.exe \\\\host -u DOMAIN\\ADMINISTRATOR -p PASSWORD cmd /c dir',
  ],
  invalid: [
    {
      name: 'az login with a service principal secret',
      code: `az login --service-principal -u ${cat('1c2d3e4f', '-aaaa-bbbb-cccc-123456789012')} -p ${pw} --tenant contoso.onmicrosoft.com`,
      secret: pw,
      path: 'deploy.sh',
    },
    { code: `docker login -u deployer -p ${pw} registry.corp.test`, secret: pw, count: 1, line: 1, path: 'deploy.sh' },
    { code: `    - podman login quay.io -u bot -p '${pw}'`, secret: pw, path: '.gitlab-ci.yml' },
    { code: `helm registry login registry.corp.test --username ci -p ${pw}`, secret: pw, path: 'Makefile' },
    { code: `sshpass -p '${human}' ssh -o StrictHostKeyChecking=no pi@10.0.0.5`, secret: human, path: 'deploy.sh' },
    { code: `sshpass -p${pw} scp build.tgz deploy@host:/srv`, secret: pw, path: 'Jenkinsfile' },
    { code: `mysql -h db -u app -p${human} app < schema.sql`, secret: human, path: 'README.md' },
    { code: `RUN mysqladmin -uroot -p"${pw}" password newpass`, secret: pw, path: 'Dockerfile' },
    { code: `redis-cli -h cache.internal -p 6379 -a ${pw} FLUSHALL`, secret: pw, path: 'ops.sh' },
    { code: `sqlcmd -S tcp:db,1433 -U sa -P "${human}" -i init.sql`, secret: human, path: 'init.ps1' },
    { code: `ldapsearch -x -H ldap://dc -D "cn=admin,dc=corp" -w ${pw} -b "dc=corp"`, secret: pw, path: 'notes.md' },
    { code: `keytool -importcert -file ca.crt -keystore trust.jks -storepass ${pw} -noprompt`, secret: pw, path: 'build.sh' },
    { code: `jarsigner -keystore release.jks -storepass ${pw} -keypass ${human} app.apk release`, count: 2, path: 'sign.sh' },
    { code: `openssl pkcs12 -export -in cert.pem -inkey key.pem -passout pass:${pw} -out cert.p12`, secret: pw, path: 'certs.sh' },
    { code: `7z x backup.7z -p${pw}`, secret: pw, path: 'restore.sh' },
    { code: `cmd.exe /C PSEXEC \\\\10.0.94.120 -u Administrator -p ${pw} CMD /C ECHO`, secret: pw, path: 'deploy.bat' },
    { code: `system("psexec \\\\\\\\192.168.3.77 -u Administrator -p ${human} shutdown -r -f -t 0");`, secret: human, path: 'reboot.c' },
    { code: `& C:\\tools\\PsExec64.exe \\\\web01 -accepteula -u CORP\\svc-deploy -p '${pw}' powershell -File deploy.ps1`, secret: pw, path: 'deploy.ps1' },
    { code: `zip -P ${human} -r backup.zip data/`, secret: human, path: 'backup.sh' },
    { code: `mongodump --host db -u admin -p ${pw} --out /backup`, secret: pw, path: 'backup.sh' },
    { code: `smbclient //fs/share -U svc_backup%${pw} -c 'ls'`, secret: pw, path: 'mount.sh' },
    { code: `$sec = ConvertTo-SecureString "${human}" -AsPlainText -Force`, secret: human, path: 'deploy.ps1' },
    { code: `sqlplus -s app/${pw}@db.corp.test:1521/ORCL @migrate.sql`, secret: pw, path: 'migrate.sh' },
    { code: `expdp userid=app/${human}@ORCL directory=dump dumpfile=app.dmp`, secret: human, path: 'backup.sh' },
    { code: `    run: docker login -u ci -p ${pw} registry.corp.test`, secret: pw, path: '.github/workflows/ci.yml' },
  ],
});

describe('secrets/command-line-password: a password that spells the tool', () => {
  const run = (code: string, path = 'docs/replication.md') => runRule(rule, { code, path });
  it("is graded low: a guide's demo default (the tool's name, digits and a symbol)", () => {
    const [f] = run(`kubectl exec -it $PRIMARY -c mariadb -- mariadb -u root -p'${cat('Maria', 'DB11!')}' --ssl=false -e "FLUSH LOGS;"`);
    expect(f?.confidence).toBe('low');
    expect(f?.message).toMatch(/spells the tool's name/);
    expect(run(`redis-cli -h cache -a ${cat('Redis', 'Cache2031!')} ping`, 'ops.sh')[0]?.confidence).toBe('low');
  });
  it('a password that does not keeps its confidence', () => {
    expect(run(`mariadb -u root -p'${pw}' -e "SELECT 1"`)[0]?.confidence).toBe('medium');
  });
});
