#!/bin/sh
# Tests scripts/collect.sh against a fake node root: what it collects, what it never collects, that no
# secret survives redaction, and (with `wrangler dev` on a local port) a real upload to POST /v1/lint.
# POSIX sh, no framework: one line per check, then `collector: N passed, M failed`; non-zero on failure.
#
#   sh test/collector/collect.test.sh          (npm run test:collector)
#
# KCL_TEST_PORT sets the wrangler port (default: a free one); KCL_TEST_KEEP=1 keeps the work directory.

set -u
cd "$(dirname "$0")/../.." || exit 1
REPO=$(pwd)
SCRIPT=$REPO/scripts/collect.sh
# A port nothing listens on, so that several runs (or a developer's wrangler dev) never collide.
PORT=${KCL_TEST_PORT:-$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}
# wrangler's inspector listens too (9229 unless told): another free port, or a second run collides.
INSPECTOR_PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')

PASSED=0
FAILED=0
pass() {
  PASSED=$((PASSED + 1))
  echo "ok   - $1"
}
fail() {
  FAILED=$((FAILED + 1))
  echo "FAIL - $1"
  [ $# -gt 1 ] && printf '       %s\n' "$2"
  return 0
}
# check NAME COMMAND...: passes when the command succeeds.
check() {
  c_name=$1
  shift
  if "$@" >/dev/null 2>&1; then pass "$c_name"; else fail "$c_name"; fi
}
# lacks GREP_ARGS...: grep finds nothing
lacks() { ! grep -q "$@"; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kcl-collector-test.XXXXXX") || exit 1
WRANGLER_PID=
cleanup() {
  if [ -n "$WRANGLER_PID" ]; then
    # setsid made wrangler a process group leader: stop the group (npx, wrangler, workerd), else the pid.
    w_target=-$WRANGLER_PID
    kill -0 "$w_target" 2>/dev/null || w_target=$WRANGLER_PID
    kill -TERM "$w_target" 2>/dev/null
    w_i=0
    while kill -0 "$w_target" 2>/dev/null && [ "$w_i" -lt 10 ]; do
      sleep 1
      w_i=$((w_i + 1))
    done
    kill -KILL "$w_target" 2>/dev/null
    WRANGLER_PID=
  fi
  if [ "${KCL_TEST_KEEP:-}" = 1 ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- the fake node ---------------------------------------------------------------------------

ROOT=$WORK/root
put() { # put PATH: stdin becomes <root>PATH
  mkdir -p "$(dirname "$ROOT$1")" && cat >"$ROOT$1"
}

# Secrets planted in the fake node; none may appear in anything the collector produces.
BOOTSTRAP_TOKEN=abcdef.0123456789abcdef
JWT=eyJhbGciOiJSUzI1NiIsImtpZCI6InRlc3QifQ.eyJzdWIiOiJzeXN0ZW06YWRtaW4ifQ.c2lnbmF0dXJlLXNlY3JldA
# base64 of an RSA private key PEM (kubeconfig client-key-data)
CLIENT_KEY_DATA=LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFcEFJQkFBS0NBUUVBY2xpZW50S0VZbWF0ZXJpYWxTRUNSRVR4eXowMTIzNDU2Nzg5YWJjZGVmZ2hpamtsCi0tLS0tRU5EIFJTQSBQUklWQVRFIEtFWS0tLS0tCg==
# base64 of a certificate: public, kept (the linter checks the node's identity in it)
CLIENT_CERT_DATA=LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJjbGllbnRDRVJUcHVibGljQnV0UmVkYWN0ZWROT0RFaWRlbnRpdHkwMTIzNDU2Nzg5YWJjZGVmZ2hpamtsbW5vcAotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg==
# base64 of a CA certificate: kept
CA_DATA=LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJzekNDQVZtZ0F3SUJBZ0lVRmFrZUNhQ2VydGlmaWNhdGVGb3JLdWJlQ29tbXNMaW50VGVzdHNPbmx5MApURVNUQ0FQVUJMSUNDRVJUTUFURVJJQUxrZWVwbWUwMTIzNDU2Nzg5YWJjZGVmZ2hpagotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg==
# base64 of a "CA bundle" with an EC private key appended: redacted whole
CA_BUNDLE_WITH_KEY=LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJidW5kbGVDRVJUMDEyMzQ1Njc4OQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCi0tLS0tQkVHSU4gRUMgUFJJVkFURSBLRVktLS0tLQpNSGNDQVFFRUlCVU5ETEVEa2V5U0VDUkVUaW5DQWRhdGEKLS0tLS1FTkQgRUMgUFJJVkFURSBLRVktLS0tLQo=
PEM_BODY=MIIEowIBAAKCAQEApemBODYsecretKEYmaterial0123456789
PEM_BODY_2=MHcCAQEEIOneLinePEMsecretInJSON
PASSWORD=hunter2-pw
K3S_TOKEN=K10fakeclustertoken::server:s3cr3tk3s
DB_PASSWORD=dbpassw0rd
S3_SECRET=s3SECRETaccessKEY
SPACE_SEP=SPACESEPSECRET99
ENV_SECRET=ENVIRONSECRET42
# A real certificate and key, made here by openssl: the key must never leave the node.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$WORK/node.key" -out "$WORK/node.crt" \
  -days 3650 -subj /CN=kubernetes 2>/dev/null
KEY_LINE=$(sed -n 2p "$WORK/node.key")
BLOCK_TOKEN=BLOCKSCALARSECRET77
FOLDED_TOKEN=FOLDEDAGENTSECRET88
EXEC_ENV=EXECENVSECRET55
EXEC_FLOW_ENV=EXECFLOWSECRET66
SECRETS="$BOOTSTRAP_TOKEN $JWT eyJhbGciOiJSUzI1NiIsImtpZCI6InRlc3QifQ $CLIENT_KEY_DATA UFJJVkFURSBLRVkt
Y2xpZW50S0VZbWF0ZXJpYWxTRUNSRVR4 $CA_BUNDLE_WITH_KEY $KEY_LINE
TUhjQ0FRRUVJQlVORExFRGtleVNFQ1JFVGluQ0FkYXRh $PEM_BODY $PEM_BODY_2 $PASSWORD s3cr3tk3s K10fakeclustertoken
$DB_PASSWORD $S3_SECRET $SPACE_SEP $ENV_SECRET $BLOCK_TOKEN $FOLDED_TOKEN $EXEC_ENV $EXEC_FLOW_ENV SA-KEY-MATERIAL STATICTOKENSCSV KUBELET-KEY-FILE NODE-TOKEN-FILE
SHOULD-NOT-BE-READ"

put /etc/kubernetes/manifests/kube-apiserver.yaml <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver
  namespace: kube-system
spec:
  automountServiceAccountToken: false
  containers:
  - command:
    - kube-apiserver
    - --advertise-address=10.0.0.10
    - --authorization-mode=Node,RBAC
    - --client-ca-file=/etc/kubernetes/pki/ca.crt
    - --egress-selector-config-file=/etc/kubernetes/konnectivity/egress.yaml
    - --authentication-config=/etc/kubernetes/auth/authn.yaml
    - --authorization-config=/etc/kubernetes/pki/authz.yaml
    - --token-auth-file=/etc/kubernetes/static-tokens.csv
    - --kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt
    - --kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key
    - --service-account-key-file=/etc/kubernetes/pki/sa.pub
    - --oidc-client-secret=$PASSWORD
    image: registry.k8s.io/kube-apiserver:v1.31.2
    name: kube-apiserver
EOF
put /etc/kubernetes/manifests/etcd.yaml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: etcd
  namespace: kube-system
spec:
  containers:
  - command:
    - etcd
    - --client-cert-auth=true
    image: registry.k8s.io/etcd:3.5.15-0
    name: etcd
EOF
echo 'not a manifest' | put /etc/kubernetes/manifests/notes.txt
put /etc/kubernetes/konnectivity/egress.yaml <<'EOF'
apiVersion: apiserver.k8s.io/v1beta1
kind: EgressSelectorConfiguration
egressSelections:
- name: cluster
  connection:
    proxyProtocol: GRPC
    transport:
      uds:
        udsName: /etc/kubernetes/konnectivity-server/konnectivity-server.socket
EOF
put /etc/kubernetes/egress-selector-configuration.yaml <<'EOF'
apiVersion: apiserver.k8s.io/v1beta1
kind: EgressSelectorConfiguration
egressSelections:
- name: cluster
  connection:
    proxyProtocol: Direct
EOF
put /etc/kubernetes/auth/authn.yaml <<EOF
apiVersion: apiserver.config.k8s.io/v1beta1
kind: AuthenticationConfiguration
jwt:
- issuer:
    url: https://issuer.example.com
    audiences: [kubernetes]
    certificateAuthority: |
      -----BEGIN CERTIFICATE-----
      MIIBTESTCAPEMkeepThisPublicCertificate
      -----END CERTIFICATE-----
  claimMappings:
    username:
      claim: sub
      prefix: ""
# someone pasted a key here by mistake
signingKey: |
  -----BEGIN RSA PRIVATE KEY-----
  $PEM_BODY
  aW5zaWRlIHRoZSBrZXk=
  -----END RSA PRIVATE KEY-----
after: kept
inlineJson: {"key": "-----BEGIN PRIVATE KEY-----\\n$PEM_BODY_2\\n-----END PRIVATE KEY-----\\n", "ok": true}
EOF
put /etc/kubernetes/kubelet.conf <<EOF
apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority-data: $CA_DATA
    server: https://10.0.0.10:6443
  name: kubernetes
- cluster:
    certificate-authority-data: $CA_BUNDLE_WITH_KEY
    server: https://10.0.0.11:6443
  name: bundle
contexts:
- context:
    cluster: kubernetes
    user: system:node:cp-1
  name: system:node:cp-1@kubernetes
current-context: system:node:cp-1@kubernetes
users:
- name: system:node:cp-1
  user:
    client-certificate-data: $CLIENT_CERT_DATA
    client-key-data: $CLIENT_KEY_DATA
    token: $BOOTSTRAP_TOKEN
- name: with-file
  user:
    tokenFile: /var/run/secrets/kubelet-token
- name: key-in-certificate-data
  user:
    client-certificate-data: $CA_BUNDLE_WITH_KEY
EOF
put /etc/kubernetes/admin.conf <<EOF
{
  "apiVersion": "v1",
  "kind": "Config",
  "users": [{"name": "admin", "user": {"token": "$JWT", "password": '$PASSWORD'}}],
  "preferences": {}
}
EOF
put /var/lib/kubelet/config.yaml <<'EOF'
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
authentication:
  anonymous:
    enabled: false
  webhook:
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
readOnlyPort: 0
EOF
put /var/lib/kubelet/kubeadm-flags.env <<'EOF'
KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --config-dir=/etc/kubelet-drop-ins"
EOF
put /etc/kubelet-drop-ins/20-tls.conf <<'EOF'
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
serverTLSBootstrap: true
tlsCertFile: /srv/node-tls/serving.crt
EOF
echo 'SHOULD-NOT-BE-READ' | put /etc/kubelet-drop-ins/README.txt
put /etc/systemd/system/kubelet.service.d/10-kubeadm.conf <<'EOF'
[Service]
Environment="KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf"
Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"
EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env
EnvironmentFile=-/etc/default/kubelet
ExecStart=
ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS
EOF
put /lib/systemd/system/kubelet.service <<'EOF'
[Unit]
Description=kubelet: The Kubernetes Node Agent
[Service]
ExecStart=/usr/bin/kubelet
EOF
put /etc/default/kubelet <<EOF
KUBELET_EXTRA_ARGS="--node-ip=10.0.0.10"
REGISTRY_PASSWORD=$PASSWORD
EOF
# Private material that must never be collected, even when a flag names it.
echo "-----BEGIN RSA PRIVATE KEY-----
SA-KEY-MATERIAL
-----END RSA PRIVATE KEY-----" | put /etc/kubernetes/pki/sa.key
# Public certificates are collected, CERTIFICATE blocks only: the key after one never leaves the node.
put /etc/kubernetes/pki/ca.crt <"$WORK/node.crt"
cat "$WORK/node.crt" "$WORK/node.key" | put /etc/kubernetes/pki/apiserver-kubelet-client.crt
{ echo '# text before the block'; cat "$WORK/node.crt" "$WORK/node.key"; } | put /var/lib/kubelet/pki/kubelet-client-current.pem
cat "$WORK/node.crt" "$WORK/node.key" | put /var/lib/kubelet/pki/kubelet-client-2025-01-01-00-00-00.pem
put /etc/kubernetes/pki/etcd/ca.crt <"$WORK/node.crt"
put /srv/node-tls/serving.crt <"$WORK/node.crt"
echo 'not a certificate' | put /etc/kubernetes/pki/front-proxy-ca.crt
echo 'apiVersion: apiserver.config.k8s.io/v1beta1' | put /etc/kubernetes/pki/authz.yaml
echo 'STATICTOKENSCSV,admin,1' | put /etc/kubernetes/static-tokens.csv
echo 'KUBELET-KEY-FILE' | put /var/lib/kubelet/pki/kubelet.key
echo 'KUBELET-KEY-FILE' | put /etc/kubernetes/stray.key
echo 'NODE-TOKEN-FILE' | put /var/lib/rancher/k3s/server/token
# k0s: a kine data source with a password in its URL
put /etc/k0s/k0s.yaml <<EOF
apiVersion: k0s.k0sproject.io/v1beta1
kind: ClusterConfig
spec:
  api:
    extraArgs:
      anonymous-auth: "true"
  storage:
    type: kine
    kine:
      dataSource: mysql://k0s:$DB_PASSWORD@tcp(db.example.com:3306)/k0s
EOF
# k3s
put /etc/rancher/k3s/config.yaml <<EOF
token: $K3S_TOKEN
datastore-endpoint: postgres://k3s:$DB_PASSWORD@db.example.com:5432/k3s
etcd-s3-secret-key: "$S3_SECRET"
egress-selector-mode: agent
kube-apiserver-arg:
  - "anonymous-auth=false"
kubelet-arg: ["config-dir=/var/lib/rancher/k3s/agent/etc/kubelet.conf.d"]
EOF
put /etc/rancher/k3s/config.yaml.d/10-extra.yaml <<'EOF'
kubelet-arg+:
  - "read-only-port=0"
EOF
put /var/lib/rancher/k3s/agent/etc/kubelet.conf.d/00-k3s-defaults.conf <<'EOF'
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
readOnlyPort: 0
EOF
# k3s: a block-scalar agent token
put /etc/rancher/k3s/config.yaml.d/20-agent.yaml <<EOF
agent-token: >-
  $FOLDED_TOKEN
  ${FOLDED_TOKEN}2
node-label:
  - "kept=yes"
EOF
# MicroK8s: its real default args files (test/fixtures/corpus/microk8s), and the kubeconfig the
# kubelet's args name under ${SNAP_DATA}, with a block-scalar token and an exec plugin's env.
CORPUS=$REPO/test/fixtures/corpus
for a in kube-apiserver kubelet kube-controller-manager kube-scheduler kube-proxy kubelite; do
  put "/var/snap/microk8s/current/args/$a" <"$CORPUS/microk8s/microk8s-resources/default-args/$a"
done
put /var/snap/microk8s/current/credentials/kubelet.config <<EOF
apiVersion: v1
kind: Config
clusters:
- cluster:
    server: https://127.0.0.1:16443
  name: microk8s-cluster
users:
- name: kubelet
  user:
    token: |
      $BLOCK_TOKEN
- name: plugin
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: /usr/local/bin/get-token
      env:
      - name: PLUGIN_CONFIG
        value: $EXEC_ENV
      - name: EMPTY
        value: ""
      interactiveMode: Never
- name: flow-plugin
  user:
    exec: {command: get-token, env: [{name: FLOW_VAR, value: $EXEC_FLOW_ENV}]}
EOF
# Components run by systemd with EnvironmentFiles (kubernetes-retired/contrib's units), and kops'
# kube-apiserver static pod named *.manifest.
put /usr/lib/systemd/system/kube-apiserver.service <"$CORPUS/kubernetes-contrib/init/systemd/kube-apiserver.service"
put /etc/kubernetes/config <"$CORPUS/kubernetes-contrib/init/systemd/environ/config"
put /etc/kubernetes/apiserver <"$CORPUS/kubernetes-contrib/init/systemd/environ/apiserver"
put /etc/kubernetes/manifests/kube-apiserver.manifest <"$CORPUS/kops-derived/etc/kubernetes/manifests/kube-apiserver.manifest"
# Running processes: kubelet (with a space-separated secret flag), k3s, and a shell that is not collected.
mkdir -p "$ROOT/proc/1234" "$ROOT/proc/2345" "$ROOT/proc/999"
printf '/usr/bin/kubelet\000--config=/var/lib/kubelet/config.yaml\000--kubeconfig=/etc/kubernetes/kubelet.conf\000--node-labels=role=worker,zone=a b\000--it'"'"'s\000--registry-token\000%s\000--v=2\000' \
  "$SPACE_SEP" >"$ROOT/proc/1234/cmdline"
printf 'HOME=/root\000AWS_SECRET=%s\000' "$ENV_SECRET" >"$ROOT/proc/1234/environ"
# k3s rewrites its process title over its arguments: the title, then NUL padding.
printf '/usr/local/bin/k3s server\000\000\000\000\000\000\000\000' >"$ROOT/proc/2345/cmdline"
# RKE2 runs kube-apiserver as a static pod: the host sees its process too.
mkdir -p "$ROOT/proc/3456"
printf 'kube-apiserver\000--etcd-servers=https://127.0.0.1:2379\000--oidc-client-secret=%s\000--token-auth-file=/var/lib/rancher/rke2/server/cred/tokens\000' \
  "$PASSWORD" >"$ROOT/proc/3456/cmdline"
printf 'bash\000-c\000echo %s\000' "$ENV_SECRET" >"$ROOT/proc/999/cmdline"

# ---- static checks ---------------------------------------------------------------------------

check "sh -n scripts/collect.sh" sh -n "$SCRIPT"
if command -v shellcheck >/dev/null 2>&1; then
  if out=$(shellcheck -s sh "$SCRIPT" 2>&1); then pass "shellcheck -s sh scripts/collect.sh"; else fail "shellcheck -s sh scripts/collect.sh" "$out"; fi
else
  echo "skip - shellcheck not installed"
fi
check "--help exits 0" sh "$SCRIPT" --help
sh "$SCRIPT" --bogus >/dev/null 2>&1
st=$?
if [ "$st" -eq 2 ]; then pass "an unknown option exits 2"; else fail "an unknown option exits 2" "exit $st"; fi
sh "$SCRIPT" --fail-on severe --dry-run "$WORK/x.tar" >/dev/null 2>&1
st=$?
if [ "$st" -eq 2 ]; then pass "--fail-on with a bad severity exits 2"; else fail "--fail-on with a bad severity exits 2" "exit $st"; fi
mkdir -p "$WORK/empty-root"
sh "$SCRIPT" --root "$WORK/empty-root" --dry-run "$WORK/empty.tar" >/dev/null 2>&1
st=$?
if [ "$st" -eq 2 ]; then pass "an empty root exits 2 (nothing collected)"; else fail "an empty root exits 2 (nothing collected)" "exit $st"; fi

# ---- dry run ---------------------------------------------------------------------------------

TAR=$WORK/node.tar
if sh "$SCRIPT" --root "$ROOT" --dry-run "$TAR" >"$WORK/dry.out" 2>"$WORK/dry.err"; then
  pass "--dry-run exits 0"
else
  fail "--dry-run exits 0" "$(cat "$WORK/dry.err")"
fi
check "--dry-run writes the tarball" test -s "$TAR"
check "--dry-run lists what it collected" grep -q '^  /var/lib/kubelet/config.yaml$' "$WORK/dry.out"
tar -tf "$TAR" 2>/dev/null | sed 's#^\./##' >"$WORK/entries"
X=$WORK/extracted
mkdir -p "$X" && tar -xf "$TAR" -C "$X" 2>/dev/null

for f in \
  etc/kubernetes/manifests/kube-apiserver.yaml \
  etc/kubernetes/manifests/etcd.yaml \
  etc/kubernetes/kubelet.conf \
  etc/kubernetes/admin.conf \
  etc/kubernetes/egress-selector-configuration.yaml \
  etc/kubernetes/konnectivity/egress.yaml \
  etc/kubernetes/auth/authn.yaml \
  var/lib/kubelet/config.yaml \
  var/lib/kubelet/kubeadm-flags.env \
  etc/kubelet-drop-ins/20-tls.conf \
  etc/systemd/system/kubelet.service.d/10-kubeadm.conf \
  lib/systemd/system/kubelet.service \
  etc/default/kubelet \
  etc/k0s/k0s.yaml \
  etc/rancher/k3s/config.yaml \
  etc/rancher/k3s/config.yaml.d/10-extra.yaml \
  var/lib/rancher/k3s/agent/etc/kubelet.conf.d/00-k3s-defaults.conf \
  etc/rancher/k3s/config.yaml.d/20-agent.yaml \
  var/snap/microk8s/current/args/kube-apiserver \
  var/snap/microk8s/current/args/kubelet \
  var/snap/microk8s/current/args/kube-controller-manager \
  var/snap/microk8s/current/args/kube-scheduler \
  var/snap/microk8s/current/args/kube-proxy \
  var/snap/microk8s/current/args/kubelite \
  var/snap/microk8s/current/credentials/kubelet.config \
  usr/lib/systemd/system/kube-apiserver.service \
  etc/kubernetes/config \
  etc/kubernetes/apiserver \
  etc/kubernetes/manifests/kube-apiserver.manifest \
  proc/1234/cmdline \
  proc/2345/cmdline \
  proc/3456/cmdline; do
  check "tarball has /$f" grep -qx "$f" "$WORK/entries"
done

for f in \
  etc/kubernetes/pki/ca.crt \
  etc/kubernetes/pki/apiserver-kubelet-client.crt \
  var/lib/kubelet/pki/kubelet-client-current.pem \
  srv/node-tls/serving.crt; do
  check "tarball has the certificate /$f" grep -qx "$f" "$WORK/entries"
done

for f in \
  etc/kubernetes/pki/sa.key \
  etc/kubernetes/pki/etcd/ca.crt \
  etc/kubernetes/pki/front-proxy-ca.crt \
  var/lib/kubelet/pki/kubelet-client-2025-01-01-00-00-00.pem \
  etc/kubernetes/pki/authz.yaml \
  etc/kubernetes/static-tokens.csv \
  etc/kubernetes/stray.key \
  var/lib/kubelet/pki/kubelet.key \
  var/lib/rancher/k3s/server/token \
  etc/kubernetes/manifests/notes.txt \
  etc/kubelet-drop-ins/README.txt \
  proc/1234/environ \
  proc/999/cmdline; do
  check "tarball lacks /$f" lacks -x "$f" "$WORK/entries"
done
grep pki "$WORK/entries" | grep -v '/$' >"$WORK/pki-entries"
check "tarball's pki/ files are certificate files only" lacks -v -E '(\.crt|-current\.pem)$' "$WORK/pki-entries"
KCP=$X/var/lib/kubelet/pki/kubelet-client-current.pem
check "kubelet-client-current.pem: its certificate is kept" grep -qx -- '-----BEGIN CERTIFICATE-----' "$KCP"
check "kubelet-client-current.pem: its key block is gone" lacks 'PRIVATE KEY' "$KCP"
check "kubelet-client-current.pem: only the certificate's lines" test "$(wc -l <"$KCP" | tr -d ' ')" = "$(wc -l <"$WORK/node.crt" | tr -d ' ')"
check "stderr says a .crt without a certificate was skipped" grep -q 'skipped (no certificate in it): /etc/kubernetes/pki/front-proxy-ca.crt' "$WORK/dry.err"
check "tarball has no *.key entry" lacks '\.key$' "$WORK/entries"
check "stderr says a pki/ path named by a flag was skipped" grep -q 'skipped (never collected): /etc/kubernetes/pki/authz.yaml' "$WORK/dry.err"

for s in $SECRETS; do
  if grep -rqF -- "$s" "$X"; then
    fail "no secret survives: $s" "$(grep -rlF -- "$s" "$X")"
  else
    pass "no secret survives: $s"
  fi
done

KC=$X/etc/kubernetes/kubelet.conf
check "kubeconfig: client-key-data is REDACTED" grep -q '^    client-key-data: REDACTED$' "$KC"
check "kubeconfig: client-certificate-data is kept" grep -qF "client-certificate-data: $CLIENT_CERT_DATA" "$KC"
check "kubeconfig: client-certificate-data holding a private key is REDACTED" grep -q '^    client-certificate-data: REDACTED$' "$KC"
check "kubeconfig: token is REDACTED" grep -q '^    token: REDACTED$' "$KC"
check "kubeconfig: certificate-authority-data is kept" grep -qF "certificate-authority-data: $CA_DATA" "$KC"
check "kubeconfig: a CA bundle holding a private key is REDACTED" grep -q '^    certificate-authority-data: REDACTED$' "$KC"
check "kubeconfig: tokenFile path kept" grep -q 'tokenFile: /var/run/secrets/kubelet-token' "$KC"
check "kubeconfig: server kept" grep -q 'server: https://10.0.0.10:6443' "$KC"
check "JSON kubeconfig: quoted values redacted, JSON kept" grep -qF '"token": "REDACTED", "password": '"'REDACTED'"'}' "$X/etc/kubernetes/admin.conf"
AUTHN=$X/etc/kubernetes/auth/authn.yaml
check "PEM private key block becomes one marker line" grep -qx '  REDACTED-PRIVATE-KEY' "$AUTHN"
check "PEM private key: body lines removed" lacks aW5zaWRlIHRoZSBrZXk= "$AUTHN"
check "PEM private key: the line after the block is kept" grep -qx 'after: kept' "$AUTHN"
check "one-line PEM private key (JSON string) redacted" grep -qF '{"key": "REDACTED-PRIVATE-KEY\n", "ok": true}' "$AUTHN"
check "PEM certificate kept" grep -q 'MIIBTESTCAPEMkeepThisPublicCertificate' "$AUTHN"
APISERVER=$X/etc/kubernetes/manifests/kube-apiserver.yaml
check "--*-secret= flag redacted" grep -q -- '- --oidc-client-secret=REDACTED' "$APISERVER"
check "non-secret flags kept" grep -q -- '- --egress-selector-config-file=/etc/kubernetes/konnectivity/egress.yaml' "$APISERVER"
check "automountServiceAccountToken: false kept" grep -q 'automountServiceAccountToken: false' "$APISERVER"
K3S=$X/etc/rancher/k3s/config.yaml
check "k3s token: REDACTED" grep -qx 'token: REDACTED' "$K3S"
check "k3s datastore-endpoint password redacted, host kept" grep -qx 'datastore-endpoint: postgres://REDACTED@db.example.com:5432/k3s' "$K3S"
check "k3s etcd-s3-secret-key redacted" grep -qx 'etcd-s3-secret-key: "REDACTED"' "$K3S"
check "k3s egress-selector-mode kept" grep -qx 'egress-selector-mode: agent' "$K3S"
MK=$X/var/snap/microk8s/current/credentials/kubelet.config
check "block scalar token: | : its line becomes REDACTED, at the same indentation" grep -qx '      REDACTED' "$MK"
check "block scalar: the key kept, line count kept" test "$(wc -l <"$MK" | tr -d ' ')" = "$(wc -l <"$ROOT/var/snap/microk8s/current/credentials/kubelet.config" | tr -d ' ')"
check "exec env: value REDACTED, name kept" grep -qx '        value: REDACTED' "$MK"
check "exec env: PLUGIN_CONFIG name kept" grep -qx '      - name: PLUGIN_CONFIG' "$MK"
check "exec: interactiveMode kept" grep -qx '      interactiveMode: Never' "$MK"
check "exec env in flow style: value REDACTED" grep -qF 'env: [{name: FLOW_VAR, value: REDACTED}]' "$MK"
check "after the exec block: the next user is read as before" grep -qx -- '- name: flow-plugin' "$MK"
check "folded agent-token: >- : both lines REDACTED" test "$(grep -cx '  REDACTED' "$X/etc/rancher/k3s/config.yaml.d/20-agent.yaml")" = 2
check "after the folded block: node-label kept" grep -qF -- '- "kept=yes"' "$X/etc/rancher/k3s/config.yaml.d/20-agent.yaml"
check "MicroK8s args: flags kept" grep -qx -- '--authorization-mode=AlwaysAllow' "$X/var/snap/microk8s/current/args/kube-apiserver"
check "/etc/default/kubelet: *_PASSWORD= redacted" grep -qx 'REGISTRY_PASSWORD=REDACTED' "$X/etc/default/kubelet"

CMD=$X/proc/1234/cmdline
check "kubelet command line captured as one line, program first" \
  grep -q '^/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml --kubeconfig=/etc/kubernetes/kubelet.conf ' "$CMD"
check "command line: words with spaces are shell-quoted" grep -qF "'--node-labels=role=worker,zone=a b'" "$CMD"
check "command line: single quotes escaped" grep -qF "'--it'\\''s'" "$CMD"
check "command line: --registry-token VALUE redacted" grep -qF -- '--registry-token REDACTED --v=2' "$CMD"
check "command line: exactly one line" test "$(wc -l <"$CMD" | tr -d ' ')" = 1
check "k3s command line captured as ps shows it, without padding" grep -qx '/usr/local/bin/k3s server' "$X/proc/2345/cmdline"
check "kube-apiserver command line: --*-secret= redacted, paths kept" \
  grep -qx 'kube-apiserver --etcd-servers=https://127.0.0.1:2379 --oidc-client-secret=REDACTED --token-auth-file=/var/lib/rancher/rke2/server/cred/tokens' "$X/proc/3456/cmdline"

# --node prefixes every path; .tar.gz is gzipped
TGZ=$WORK/node.tgz
if sh "$SCRIPT" --root "$ROOT/" --node worker-1 --dry-run "$TGZ" >"$WORK/dry2.out" 2>/dev/null; then
  pass "--node --dry-run .tgz exits 0"
else
  fail "--node --dry-run .tgz exits 0"
fi
tar -tzf "$TGZ" 2>/dev/null | sed 's#^\./##' >"$WORK/entries2"
check "--node: files under worker-1/" grep -qx 'worker-1/var/lib/kubelet/config.yaml' "$WORK/entries2"
check "--node: command lines under worker-1/" grep -qx 'worker-1/proc/1234/cmdline' "$WORK/entries2"
check "--node: listed as worker-1/..." grep -q '^  worker-1/etc/kubernetes/kubelet.conf$' "$WORK/dry2.out"

# --configz: a fake kubectl on PATH records its arguments and answers a /configz dump
mkdir -p "$WORK/bin"
cat >"$WORK/bin/kubectl" <<EOF
#!/bin/sh
echo "\$*" >"$WORK/kubectl.args"
echo '{"kubeletconfig":{"readOnlyPort":0,"authentication":{"anonymous":{"enabled":false}},"staticPodURLHeader":{"Authorization":["Bearer $JWT"]}}}'
EOF
chmod +x "$WORK/bin/kubectl"
if PATH="$WORK/bin:$PATH" sh "$SCRIPT" --root "$ROOT" --configz --node cp-1 --dry-run "$WORK/configz.tar" >/dev/null 2>&1; then
  pass "--configz --dry-run exits 0"
else
  fail "--configz --dry-run exits 0"
fi
check "--configz: kubectl get --raw /api/v1/nodes/cp-1/proxy/configz" grep -qx 'get --raw /api/v1/nodes/cp-1/proxy/configz' "$WORK/kubectl.args"
mkdir -p "$WORK/configz" && tar -xf "$WORK/configz.tar" -C "$WORK/configz" 2>/dev/null
CZ=$WORK/configz/cp-1/run/kube-comms-lint/kubelet-configz.json
check "--configz: saved as cp-1/run/kube-comms-lint/kubelet-configz.json" grep -q '"readOnlyPort":0' "$CZ"
check "--configz: a JWT in it is redacted" lacks -F "$JWT" "$CZ"

# ---- upload to a real server -----------------------------------------------------------------

# curl failure: nothing listens on port 9 (discard) locally
sh "$SCRIPT" --root "$ROOT" --server http://127.0.0.1:9 >/dev/null 2>"$WORK/refused.err"
st=$?
if [ "$st" -eq 3 ]; then pass "an unreachable server exits 3"; else fail "an unreachable server exits 3" "exit $st: $(cat "$WORK/refused.err")"; fi

BASE=http://127.0.0.1:$PORT
if curl -fsS -o /dev/null "$BASE/healthz" 2>/dev/null; then
  fail "start wrangler dev on port $PORT" "something already answers on $BASE: stop it or set KCL_TEST_PORT"
else
  if command -v setsid >/dev/null 2>&1; then
    WRANGLER_SEND_METRICS=false setsid npx wrangler dev --port "$PORT" --inspector-port "$INSPECTOR_PORT" --ip 127.0.0.1 \
      --show-interactive-dev-session=false </dev/null >"$WORK/wrangler.log" 2>&1 &
  else
    WRANGLER_SEND_METRICS=false npx wrangler dev --port "$PORT" --inspector-port "$INSPECTOR_PORT" --ip 127.0.0.1 \
      --show-interactive-dev-session=false </dev/null >"$WORK/wrangler.log" 2>&1 &
  fi
  WRANGLER_PID=$!
  # Poll /healthz for at most 60 s (wrangler usually answers within ~10 s).
  ready=0
  deadline=$(($(date +%s) + 60))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if curl -fsS -o /dev/null --max-time 2 "$BASE/healthz" 2>/dev/null; then
      ready=1
      break
    fi
    kill -0 "$WRANGLER_PID" 2>/dev/null || break
    sleep 1
  done
  if [ "$ready" = 1 ]; then
    pass "wrangler dev answers /healthz on port $PORT"
    # inputs_have FILE REPORT NAME...: every NAME is an inputs[].file of the JSON report
    inputs_have() {
      node -e '
        const fs = require("fs");
        const report = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
        const files = new Set((report.inputs || []).map((input) => input.file));
        const missing = process.argv.slice(2).filter((name) => !files.has(name));
        if (missing.length) { console.error("missing: " + missing.join(", ") + "; got: " + [...files].join(", ")); process.exit(1); }
      ' "$@"
    }
    EXPECT="/etc/kubernetes/manifests/kube-apiserver.yaml /etc/kubernetes/kubelet.conf /var/lib/kubelet/config.yaml
/var/lib/kubelet/kubeadm-flags.env /etc/kubernetes/auth/authn.yaml /etc/rancher/k3s/config.yaml /proc/1234/cmdline
/var/snap/microk8s/current/args/kube-apiserver /var/snap/microk8s/current/credentials/kubelet.config
/usr/lib/systemd/system/kube-apiserver.service /etc/kubernetes/apiserver /etc/kubernetes/manifests/kube-apiserver.manifest"

    sh "$SCRIPT" --root "$ROOT" --server "$BASE" --network trusted >"$WORK/report.json" 2>"$WORK/upload.err"
    st=$?
    if [ "$st" -eq 0 ]; then pass "upload: exit 0 on HTTP 200"; else fail "upload: exit 0 on HTTP 200" "exit $st: $(tail -n 5 "$WORK/upload.err")"; fi
    # shellcheck disable=SC2086 # EXPECT is a list of paths
    if out=$(inputs_have "$WORK/report.json" $EXPECT 2>&1); then pass "upload: report inputs[].file name the node paths"; else fail "upload: report inputs[].file name the node paths" "$out"; fi
    check "upload: the report shows network trusted" grep -q '"network":"trusted"' "$WORK/report.json"
    check "upload: redaction left every file readable (inputErrors 0)" grep -q '"inputErrors":0' "$WORK/report.json"
    for s in $SECRETS; do
      if grep -qF -- "$s" "$WORK/report.json"; then fail "upload: report has no secret: $s"; fi
    done

    sh "$SCRIPT" --root "$ROOT" --server "$BASE" --fail-on info >"$WORK/report422.json" 2>"$WORK/upload422.err"
    st=$?
    if [ "$st" -eq 1 ]; then pass "upload --fail-on info: exit 1 on HTTP 422"; else fail "upload --fail-on info: exit 1 on HTTP 422" "exit $st: $(tail -n 3 "$WORK/upload422.err")"; fi
    check "upload --fail-on info: the report is still printed" grep -q '"passed":false' "$WORK/report422.json"

    sh "$SCRIPT" --root "$ROOT" --server "$BASE" --node worker-1 >"$WORK/report-node.json" 2>/dev/null
    st=$?
    if [ "$st" -eq 0 ]; then pass "upload --node worker-1: exit 0"; else fail "upload --node worker-1: exit 0" "exit $st"; fi
    if out=$(inputs_have "$WORK/report-node.json" worker-1/var/lib/kubelet/config.yaml worker-1/proc/1234/cmdline 2>&1); then
      pass "upload --node worker-1: inputs[].file are worker-1/<path>"
    else
      fail "upload --node worker-1: inputs[].file are worker-1/<path>" "$out"
    fi

    # Any other HTTP status (here a 404 from a wrong base URL): exit 3, the body on stderr.
    sh "$SCRIPT" --root "$ROOT" --server "$BASE/not-the-api" >/dev/null 2>"$WORK/404.err"
    st=$?
    # The hint comes from the body-less check before the upload: the upload itself may see a reset.
    if [ "$st" -eq 3 ] && grep -q "answered HTTP 404: is --server the API's base URL?" "$WORK/404.err"; then
      pass "upload answered 404: exit 3"
    else
      fail "upload answered 404: exit 3" "exit $st: $(tail -n 2 "$WORK/404.err")"
    fi
  else
    fail "wrangler dev answers /healthz on port $PORT within 60 s" "wrangler did not start; its log:
$(tail -n 20 "$WORK/wrangler.log")"
  fi
fi

echo "collector: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
