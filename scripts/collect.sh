#!/bin/sh
# kube-comms-lint collector: run on a Kubernetes node (kubeadm, k3s, RKE2, MicroK8s, kops or systemd
# units) to gather the files that
# decide how the control plane and the node talk to each other, strip secrets, and lint them with ONE
# multipart upload to POST <server>/v1/lint (or write a tarball with --dry-run).
#
#   sh scripts/collect.sh --server http://localhost:8787          # upload, print the JSON report
#   sh scripts/collect.sh --dry-run node.tar                      # collect only; nothing leaves the node
#
# Needs POSIX sh, sed -E, awk, grep, tr, wc, sort, mktemp, tar (--dry-run only) and curl (upload only).
# Reads <root>/proc/*/cmdline but never /proc/*/environ (a process environment can hold secrets).
#
# WHAT IT COLLECTS (paths relative to --root; missing files are skipped silently)
#   kubeadm  /etc/kubernetes/manifests/*.yaml, /etc/kubernetes/*.conf (kubeconfigs),
#            /etc/kubernetes/*egress*.yaml, /var/lib/kubelet/{config.yaml,kubeadm-flags.env,
#            instance-config.yaml}, /etc/kubernetes/kubelet.conf.d/*.conf, /etc/default/kubelet,
#            /etc/sysconfig/kubelet, kubelet.service and kubelet.service.d/*.conf under
#            /etc/systemd/system, /usr/lib/systemd/system and /lib/systemd/system
#   k3s      /etc/rancher/k3s/config.yaml, /etc/rancher/k3s/config.yaml.d/*.yaml,
#            /var/lib/rancher/k3s/agent/etc/kubelet.conf.d/*.conf,
#            /var/lib/rancher/k3s/server/etc/egress-selector-config.yaml
#   RKE2     /etc/rancher/rke2/config.yaml, /etc/rancher/rke2/config.yaml.d/*.yaml,
#            /var/lib/rancher/rke2/agent/pod-manifests/*.yaml,
#            /var/lib/rancher/rke2/agent/etc/kubelet.conf.d/*.conf,
#            /var/lib/rancher/rke2/server/etc/egress-selector-config.yaml
#   MicroK8s /var/snap/microk8s/current/args/{kube-apiserver,kubelet,kube-controller-manager,
#            kube-scheduler,kube-proxy,kubelite} (each component's whole command line)
#   kops     /etc/kubernetes/manifests/*.manifest, /etc/sysconfig/kubelet
#   k0s      /etc/k0s/k0s.yaml (its ClusterConfig; k0s renders the components from it)
#   systemd  kube-apiserver, kube-controller-manager, kube-scheduler, kube-proxy, konnectivity-server
#            and konnectivity-agent units (.service and .service.d/*.conf) in the same directories as
#            kubelet.service, and every file their EnvironmentFile= lines name
#   Files the collected files name with --config, --config-dir (its *.conf drop-ins), --kubeconfig,
#   --bootstrap-kubeconfig, --egress-selector-config-file, --authentication-config and
#   --authorization-config (also as k3s/RKE2 `*-arg` values without the dashes; MicroK8s' ${SNAP_DATA}
#   and ${SNAP} expanded to /var/snap/microk8s/current and /snap/microk8s/current), and by systemd
#   EnvironmentFile= lines, followed up to 3 deep.
#   Public certificates, CERTIFICATE blocks only (see REDACTION): /etc/kubernetes/pki/*.crt,
#   /var/lib/kubelet/pki/*.crt and *-current.pem, and the certificate files the collected files name
#   with --tls-cert-file, --client-ca-file, --kubelet-certificate-authority,
#   --kubelet-client-certificate, --root-ca-file, konnectivity's --server-cert, --server-ca-cert,
#   --cluster-cert, --cluster-ca-cert, --ca-cert and --agent-cert, and the fields tlsCertFile,
#   clientCAFile, client-certificate and certificate-authority. (etcd's certificates in
#   /etc/kubernetes/pki/etcd/ serve no path the linter judges, and are left out.)
#   Command lines of running kubelet, kube-apiserver, kube-controller-manager, kube-scheduler, k3s,
#   rke2 and konnectivity proxy-server/proxy-agent, uploaded as /proc/<pid>/cmdline: one line, the
#   program first, words shell-quoted where needed (not the raw NUL-separated form: the API would take
#   a NUL-separated k3s or rke2 line, whose program it does not know, for binary data). k3s and RKE2
#   rewrite their process title ("/usr/local/bin/k3s server"), which wipes their flags from /proc.
#   With --configz: the kubelet's live /configz (kubectl get --raw), as
#   /run/kube-comms-lint/kubelet-configz.json.
#
# WHAT IT NEVER COLLECTS
#   Private keys: *.key files, and every private key block of a certificate file. Anything else under a
#   pki/, tls/ or cred/ directory, and *.pem, *.crt, *.csr files but the certificates above; files
#   whose path contains "token", "password" or "secret" (k3s' server/token, --token-auth-file,
#   tokenFile: ...); paths with "..", files over 1 MiB, and /proc/*/environ.
#
# REDACTION (done here, on the node, before the upload or the tarball is written)
#   - PEM private keys: every -----BEGIN ... PRIVATE KEY----- ... -----END ... PRIVATE KEY----- block
#     (multi-line, or on one line as in JSON strings) becomes the one line `REDACTED-PRIVATE-KEY`
#     (indentation kept); an unterminated block is removed to the end of the file. Certificates
#     (-----BEGIN CERTIFICATE-----) are public and kept.
#   - `*-data:` values (client-key-data, any other) become REDACTED whatever their length. Decision:
#     certificate-authority-data and client-certificate-data are KEPT (public certificates: the linter
#     checks their chains, names and identities), unless their base64 contains "PRIVATE KEY" at any
#     alignment, then they are REDACTED too.
#   - Certificate files keep their CERTIFICATE blocks only: text around them and private key blocks
#     (kubelet-client-current.pem holds the key after the certificate) are dropped on the node.
#   - Any other base64 run of 100 characters or more, anywhere, becomes REDACTED.
#   - Values of keys and variables named *token, *password, *passwd, *secret, *secret-key,
#     *access-key (any case: token:, bearerToken:, id-token:, K3S_TOKEN=, "password": "...") become
#     REDACTED; true/false/null/number values are kept (automountServiceAccountToken: false).
#     Names ending in File/-file (tokenFile:, --token-auth-file=) are paths: kept, and never read.
#   - Flags --token=..., --password=..., --*-token=..., --*-secret=... (also with the value as the
#     next word) become REDACTED.
#   - Block scalars under such a name (`token: |`, `agent-token: >-`): every line of the value becomes
#     REDACTED (one line for one line, so positions stay).
#   - In a kubeconfig's `exec:` (credential plugins), every `env:` entry's `value:` becomes REDACTED
#     (block or flow style), whatever the variable's name; the names are kept.
#   - Anywhere: kubeadm bootstrap tokens ([a-z0-9]{6}.[a-z0-9]{16}), JWTs (eyJ...), and the password
#     of URLs (scheme://user:password@host, e.g. k3s datastore-endpoint).
#   Redaction errs on the side of removing: a value that merely looks like a token is removed too.
#   Check what would leave the node with --dry-run, then inspect the tarball.
#
# EXIT STATUS
#   0  linted (HTTP 200), or --dry-run wrote its tarball
#   1  the API answered 422: --fail-on was met (the report is still printed)
#   2  usage error, bad --root, or nothing collected
#   3  the upload failed: curl error, or an HTTP status other than 200 and 422 (the body is on stderr)
#
# Licensed under the Apache License 2.0, like the rest of kube-comms-lint.

set -u

PROG=collect.sh
SERVER=http://localhost:8787
ROOT=/
NODE=
DRY_RUN=0
DRY_RUN_FILE=
FAIL_ON=
NETWORK=
CONFIGZ=0
MAX_BYTES=1048576

usage() {
  cat <<'EOF'
Usage: sh scripts/collect.sh [options]

Collects this node's kubeadm/k3s/RKE2 configuration and running components' command lines, removes
private keys, tokens and passwords, and lints them with one upload to POST <server>/v1/lint.

Options:
  --server URL          kube-comms-lint API (default http://localhost:8787)
  --root DIR            read the node's files under DIR (default /)
  --node NAME           prefix every uploaded filename with NAME/ (several nodes in one report)
  --dry-run [FILE]      upload nothing: write the redacted files to a tar FILE
                        (default ./kube-comms-lint-collect.tar; .tar.gz/.tgz are gzipped)
                        and list them
  --fail-on SEVERITY    critical|high|medium|low|info: exit 1 when a finding at or above it exists
  --network MODE        untrusted (default) or trusted
  --configz             also fetch the kubelet's /configz with kubectl (node: --node or hostname)
  -h, --help            this help

The JSON report goes to stdout; progress and the list of collected files go to stderr.
Exit status: 0 linted or dry run written, 1 --fail-on met (HTTP 422), 2 usage error or nothing
collected, 3 upload failed (curl error or another HTTP status).
EOF
}

say() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() {
  code=$1
  shift
  say "$*"
  exit "$code"
}

# ---- options ---------------------------------------------------------------------------------

need_value() {
  if [ $# -lt 2 ] || [ -z "$2" ]; then die 2 "$1 needs a value (see --help)"; fi
}

while [ $# -gt 0 ]; do
  case $1 in
    -h | --help)
      usage
      exit 0
      ;;
    --server=*) SERVER=${1#*=} ;;
    --server)
      need_value "$@"
      SERVER=$2
      shift
      ;;
    --root=*) ROOT=${1#*=} ;;
    --root)
      need_value "$@"
      ROOT=$2
      shift
      ;;
    --node=*) NODE=${1#*=} ;;
    --node)
      need_value "$@"
      NODE=$2
      shift
      ;;
    --fail-on=*) FAIL_ON=${1#*=} ;;
    --fail-on)
      need_value "$@"
      FAIL_ON=$2
      shift
      ;;
    --network=*) NETWORK=${1#*=} ;;
    --network)
      need_value "$@"
      NETWORK=$2
      shift
      ;;
    --dry-run=*)
      DRY_RUN=1
      DRY_RUN_FILE=${1#*=}
      ;;
    --dry-run)
      DRY_RUN=1
      case ${2-} in
        '' | -*) ;;
        *)
          DRY_RUN_FILE=$2
          shift
          ;;
      esac
      ;;
    --configz) CONFIGZ=1 ;;
    *) die 2 "unknown option: $1 (see --help)" ;;
  esac
  shift
done

case $FAIL_ON in
  '' | critical | high | medium | low | info) ;;
  *) die 2 "--fail-on must be one of critical, high, medium, low, info (got: $FAIL_ON)" ;;
esac
case $NETWORK in
  '' | trusted | untrusted) ;;
  *) die 2 "--network must be trusted or untrusted (got: $NETWORK)" ;;
esac
case $NODE in
  *[!A-Za-z0-9._-]* | .* ) die 2 "--node must be letters, digits, '.', '_' or '-' (got: $NODE)" ;;
esac
case $SERVER in
  http://?* | https://?*) SERVER=${SERVER%/} ;;
  *) die 2 "--server must be an http:// or https:// URL (got: $SERVER)" ;;
esac
[ -d "$ROOT" ] || die 2 "--root $ROOT is not a directory"
# R is prepended to node paths: "" for /, else the root without trailing slashes.
R=$ROOT
while [ "${R%/}" != "$R" ]; do R=${R%/}; done

if [ "$DRY_RUN" = 0 ]; then
  command -v curl >/dev/null 2>&1 || die 2 "curl is required to upload (or use --dry-run)"
fi

STAGE=$(mktemp -d "${TMPDIR:-/tmp}/kube-comms-lint.XXXXXX") || die 2 "mktemp failed"
trap 'rm -rf "$STAGE"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
FILES=$STAGE/files          # the redacted copies, laid out as on the node (under NODE/ with --node)
OUT_DIR=$FILES${NODE:+/$NODE}
LIST=$STAGE/collected       # node paths collected, in order
: >"$LIST"
mkdir -p "$OUT_DIR" || die 2 "cannot create $OUT_DIR"

# ---- redaction -------------------------------------------------------------------------------

# Names whose values are secrets (a suffix of the key, variable or flag name).
SECRET_NAME='[A-Za-z0-9_.-]*([Tt]oken|TOKEN|[Pp]assword|PASSWORD|[Pp]asswd|PASSWD|[Ss]ecret|SECRET|[Ss]ecret[-_]?[Kk]ey|SECRET_KEY|[Aa]ccess[-_]?[Kk]ey|ACCESS_KEY)'
FLAG_SECRET='--[A-Za-z0-9-]*(token|password|passwd|secret|secret-key|access-key)'
B64='[A-Za-z0-9+/]'
CA_KEY="(certificate-authority|client-certificate)-data[\"']?[[:space:]]*:[[:space:]]*[\"']?"
PEM_BEGIN='-----BEGIN [A-Z0-9 ]*PRIVATE KEY[A-Z ]*-----'
PEM_END='-----END [A-Z0-9 ]*PRIVATE KEY[A-Z ]*-----'

# redact: stdin -> stdout. Three sed passes: one-line PEM private keys, multi-line ones, then line
# rules. Rules whose brackets hold "/" use "#" as the s delimiter (portable across sed variants).
redact() {
  sed -E \
    -e "s/${PEM_BEGIN}.*${PEM_END}/REDACTED-PRIVATE-KEY/g" |
    sed -E \
      -e "/${PEM_BEGIN}/,/${PEM_END}/{
/${PEM_BEGIN}/{
s/${PEM_BEGIN}.*/REDACTED-PRIVATE-KEY/
b
}
d
}" |
    sed -E \
      -e "s#(${CA_KEY})${B64}*(UFJJVkFURSBLRV|BSSVZBVEUgS0VZ|QUklWQVRFIEtFW)[A-Za-z0-9+/=]*#\\1REDACTED#g" \
      -e "s#(${CA_KEY})(${B64})#\\1@KCLKEEP@\\3#g" \
      -e "s#([A-Za-z0-9_-]*-data[\"']?[[:space:]]*:[[:space:]]*[\"']?)[A-Za-z0-9+/=]+#\\1REDACTED#g" \
      -e "s#(^|[^A-Za-z0-9+/@])${B64}{100,}={0,2}#\\1REDACTED#g" \
      -e "s/(${SECRET_NAME}[\"']?[[:space:]]*[:=][[:space:]]*)\"[^\"]*\"/\\1\"REDACTED\"/g" \
      -e "s/(${SECRET_NAME}[\"']?[[:space:]]*[:=][[:space:]]*)'[^']*'/\\1'REDACTED'/g" \
      -e "/:[[:space:]]*(true|false|null|[0-9]+)[[:space:]]*,?[[:space:]]*\$/!s/^([[:space:]]*(-[[:space:]]+)?[\"']?${SECRET_NAME}[\"']?[[:space:]]*:[[:space:]]+)[^\"'[:space:]|>{[&*!#].*\$/\\1REDACTED/" \
      -e "s/(^|[[:space:]\"'])([A-Za-z0-9_]*(TOKEN|PASSWORD|PASSWD|SECRET|SECRET_KEY|ACCESS_KEY)=)[^[:space:]\"']+/\\1\\2REDACTED/g" \
      -e "s/(${FLAG_SECRET}=)[^[:space:]\"',]+/\\1REDACTED/g" \
      -e "s/(${FLAG_SECRET})([[:space:]]+)[^-[:space:]][^[:space:]]*/\\1\\3REDACTED/g" \
      -e "s#(://)[^/@[:space:]\"']*:[^/@[:space:]\"']*@#\\1REDACTED@#g" \
      -e 's/(^|[^A-Za-z0-9])[a-z0-9]{6}\.[a-z0-9]{16}([^A-Za-z0-9]|$)/\1REDACTED\2/g' \
      -e 's/(^|[^A-Za-z0-9])[a-z0-9]{6}\.[a-z0-9]{16}([^A-Za-z0-9]|$)/\1REDACTED\2/g' \
      -e 's#(^|[^A-Za-z0-9+/])eyJ[A-Za-z0-9_-]{8,}(\.[A-Za-z0-9_-]*){0,2}#\1REDACTED#g' \
      -e 's/@KCLKEEP@//g' |
    redact_blocks
}

# redact_blocks: stdin -> stdout. What a line-by-line sed cannot see: the lines of a block scalar
# under a secret name (`token: |`), and `value:` under a kubeconfig's `exec:` (its env entries).
# The column of a key counts "- " as indentation; a block's lines are indented beyond it.
redact_blocks() {
  awk '
    function keycol(s) { match(s, /^[ \t]*(-[ \t]+)*/); return RLENGTH }
    function spaces(s) { match(s, /^[ \t]*/); return RLENGTH }
    BEGIN { block = -1; exec_col = -1 }
    {
      line = $0
      blank = line ~ /^[ \t]*(#.*)?$/
      if (block >= 0) {
        if (line ~ /^[ \t]*$/) { print; next }
        if (spaces(line) > block) { print substr(line, 1, spaces(line)) "REDACTED"; next }
        block = -1
      }
      if (exec_col >= 0 && !blank && spaces(line) <= exec_col) exec_col = -1
      low = tolower(line)
      if (low ~ /^[ \t]*(-[ \t]+)*["\047]?[a-z0-9_.-]*(token|password|passwd|secret|secret[-_]?key|access[-_]?key)["\047]?[ \t]*:[ \t]*[|>][-+0-9]*[ \t]*(#.*)?$/)
        block = keycol(line)
      if (exec_col >= 0) {
        if (low ~ /^[ \t]*(-[ \t]+)*["\047]?value["\047]?[ \t]*:[ \t]*[|>][-+0-9]*[ \t]*(#.*)?$/)
          block = keycol(line)
        else if (match(line, /^[ \t]*(-[ \t]+)*["\047]?value["\047]?[ \t]*:[ \t]*/) && RLENGTH < length(line))
          line = substr(line, 1, RLENGTH) "REDACTED"
        if (line ~ /[{]/) gsub(/value["\047]?[ \t]*:[ \t]*[^,}]+/, "value: REDACTED", line)
      }
      if (low ~ /^[ \t]*(-[ \t]+)*["\047]?exec["\047]?[ \t]*:/) {
        exec_col = keycol(line)
        if (line ~ /[{]/) gsub(/value["\047]?[ \t]*:[ \t]*[^,}]+/, "value: REDACTED", line)
      }
      print line
    }'
}

# ---- collecting ------------------------------------------------------------------------------

# forbidden PATH: true for paths this script must never read.
forbidden() {
  case $1 in
    */../* | */.. | */./* ) return 0 ;;
    */pki/* | */pki | */tls/* | */tls | */cred/* | */cred) return 0 ;;
    *.key | *.pem | *.crt | *.csr | *.p12 | *.pfx) return 0 ;;
    *[Tt]oken* | *[Pp]assword* | *[Ss]ecret* | */environ | */proc/*) return 0 ;;
  esac
  return 1
}

# collect NODE_PATH: copy <root>NODE_PATH, redacted, into the staging tree (once).
collect() {
  c_path=$1
  case $c_path in /*) ;; *) return 0 ;; esac
  if forbidden "$c_path"; then
    [ -e "$R$c_path" ] && say "skipped (never collected): $c_path"
    return 0
  fi
  c_src=$R$c_path
  if [ ! -f "$c_src" ] || [ ! -r "$c_src" ]; then return 0; fi
  grep -Fxq -- "$c_path" "$LIST" && return 0
  c_size=$(wc -c <"$c_src" | tr -d ' ')
  if [ "${c_size:-0}" -gt "$MAX_BYTES" ]; then
    say "skipped (over $MAX_BYTES bytes): $c_path"
    return 0
  fi
  c_dest=$OUT_DIR$c_path
  mkdir -p "${c_dest%/*}" || return 0
  if redact <"$c_src" >"$c_dest"; then
    printf '%s\n' "$c_path" >>"$LIST"
  else
    rm -f "$c_dest"
    say "could not read: $c_path"
  fi
}

# certificates_only: stdin -> stdout, the CERTIFICATE blocks only (CRs dropped). Whatever else the file
# holds (its private key, text) stays on the node; redact runs after it all the same.
certificates_only() {
  tr -d '\r' | sed -n '/^-----BEGIN CERTIFICATE-----$/,/^-----END CERTIFICATE-----$/p' | redact
}

# collect_certificate NODE_PATH: a public certificate file, reduced to its certificates (once). Keys
# are never read: a *.key path is refused, and a file without a certificate is skipped.
collect_certificate() {
  k_path=$1
  case $k_path in /*) ;; *) return 0 ;; esac
  case $k_path in
    */../* | */.. | */./* | *.key | */proc/* | *[Tt]oken* | *[Pp]assword* | *[Ss]ecret*)
      [ -e "$R$k_path" ] && say "skipped (never collected): $k_path"
      return 0
      ;;
  esac
  k_src=$R$k_path
  if [ ! -f "$k_src" ] || [ ! -r "$k_src" ]; then return 0; fi
  grep -Fxq -- "$k_path" "$LIST" && return 0
  k_size=$(wc -c <"$k_src" | tr -d ' ')
  if [ "${k_size:-0}" -gt "$MAX_BYTES" ]; then
    say "skipped (over $MAX_BYTES bytes): $k_path"
    return 0
  fi
  if ! grep -q -- '^-----BEGIN CERTIFICATE-----' "$k_src"; then
    say "skipped (no certificate in it): $k_path"
    return 0
  fi
  k_dest=$OUT_DIR$k_path
  mkdir -p "${k_dest%/*}" || return 0
  if certificates_only <"$k_src" >"$k_dest"; then
    printf '%s\n' "$k_path" >>"$LIST"
  else
    rm -f "$k_dest"
    say "could not read: $k_path"
  fi
}

# collect_certificates DIR PATTERN: every certificate file DIR/PATTERN under the root.
collect_certificates() {
  for g_file in "$R$1"/$2; do
    [ -f "$g_file" ] || continue
    collect_certificate "${g_file#"$R"}"
  done
}

# collect_glob DIR PATTERN: every regular file DIR/PATTERN under the root.
collect_glob() {
  for g_file in "$R$1"/$2; do
    [ -f "$g_file" ] || continue
    collect "${g_file#"$R"}"
  done
}

well_known() {
  # kubeadm
  collect_glob /etc/kubernetes/manifests '*.yaml'
  collect_glob /etc/kubernetes/manifests '*.yml'
  collect_glob /etc/kubernetes '*.conf'
  collect_glob /etc/kubernetes '*egress*.yaml'
  collect /var/lib/kubelet/config.yaml
  collect /var/lib/kubelet/kubeadm-flags.env
  collect /var/lib/kubelet/instance-config.yaml
  collect_glob /etc/kubernetes/kubelet.conf.d '*.conf'
  collect /etc/default/kubelet
  collect /etc/sysconfig/kubelet
  # kops names its static pods *.manifest
  collect_glob /etc/kubernetes/manifests '*.manifest'
  # Components run by systemd, with their drop-ins (EnvironmentFile= is followed with the references)
  for w_dir in /etc/systemd/system /usr/lib/systemd/system /lib/systemd/system; do
    for w_unit in kubelet kube-apiserver kube-controller-manager kube-scheduler kube-proxy \
      konnectivity-server konnectivity-agent; do
      collect "$w_dir/$w_unit.service"
      collect_glob "$w_dir/$w_unit.service.d" '*.conf'
    done
  done
  # MicroK8s: one args file per component, its whole command line
  for w_arg in kube-apiserver kubelet kube-controller-manager kube-scheduler kube-proxy kubelite; do
    collect "/var/snap/microk8s/current/args/$w_arg"
  done
  # k3s
  collect /etc/rancher/k3s/config.yaml
  collect_glob /etc/rancher/k3s/config.yaml.d '*.yaml'
  collect_glob /var/lib/rancher/k3s/agent/etc/kubelet.conf.d '*.conf'
  collect /var/lib/rancher/k3s/server/etc/egress-selector-config.yaml
  # RKE2
  collect /etc/rancher/rke2/config.yaml
  collect_glob /etc/rancher/rke2/config.yaml.d '*.yaml'
  collect_glob /var/lib/rancher/rke2/agent/pod-manifests '*.yaml'
  collect_glob /var/lib/rancher/rke2/agent/etc/kubelet.conf.d '*.conf'
  collect /var/lib/rancher/rke2/server/etc/egress-selector-config.yaml
  # k0s: the ClusterConfig it renders the components from
  collect /etc/k0s/k0s.yaml
  # Public certificates (keys stay on the node): kubeadm's and the kubelet's
  collect_certificates /etc/kubernetes/pki '*.crt'
  collect_certificates /var/lib/kubelet/pki '*.crt'
  collect_certificates /var/lib/kubelet/pki '*-current.pem'
}

# quote_word WORD: the word, single-quoted when a shell would need it.
quote_word() {
  case $1 in
    '') printf "''" ;;
    *[!A-Za-z0-9_./:=,@%+-]*) printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")" ;;
    *) printf '%s' "$1" ;;
  esac
}

# Running components: <root>/proc/<pid>/cmdline, NUL-separated, to one shell-quoted line.
command_lines() {
  for p_dir in "$R"/proc/[0-9]*; do
    p_cmd=$p_dir/cmdline
    if [ ! -f "$p_cmd" ] || [ ! -r "$p_cmd" ]; then continue; fi
    p_argv0=$(tr '\000' '\n' <"$p_cmd" 2>/dev/null | sed -n 1p)
    p_base=${p_argv0%% *}
    p_base=${p_base##*/}
    case $p_base in
      kubelet | kube-apiserver | kube-controller-manager | kube-scheduler | k3s | k3s-server | k3s-agent | \
        rke2 | proxy-server | proxy-agent | konnectivity-server | konnectivity-agent) ;;
      *) continue ;;
    esac
    p_pid=${p_dir##*/}
    p_node=/proc/$p_pid/cmdline
    p_dest=$OUT_DIR$p_node
    mkdir -p "${p_dest%/*}" || continue
    p_prev=
    p_line=
    # The last word ends with NUL, not newline: `|| [ -n ]` keeps it when the file lacks the final NUL.
    tr '\000' '\n' <"$p_cmd" >"$STAGE/argv"
    p_first=1
    while IFS= read -r p_word || [ -n "$p_word" ]; do
      # Empty words: the padding k3s and RKE2 leave after rewriting their process title.
      [ -n "$p_word" ] || continue
      p_out=$p_word
      # `--token VALUE`: the value is the next word.
      case $p_prev in
        --*token | --*password | --*passwd | --*secret | --*secret-key | --*access-key)
          case $p_word in -*) ;; *) p_out=REDACTED ;; esac
          ;;
      esac
      if [ "$p_first" = 1 ]; then
        # The program, as `ps -o args=` shows it: k3s and RKE2 rewrite it to "/usr/local/bin/k3s server".
        case $p_out in
          *[!A-Za-z0-9_./:\ -]*) p_line=$(quote_word "$p_out") ;;
          *) p_line=$p_out ;;
        esac
        p_first=0
      else
        p_line="$p_line $(quote_word "$p_out")"
      fi
      p_prev=$p_word
    done <"$STAGE/argv"
    printf '%s\n' "$p_line" | redact >"$p_dest"
    printf '%s\n' "$p_node" >>"$LIST"
  done
}

# Paths named by flags in what was collected: "dir PATH" for --config-dir, "cert PATH" for a
# certificate file, "file PATH" otherwise.
references() {
  while IFS= read -r r_path; do
    # One word a line: tab, CR, space, quotes, comma and brackets all become newlines.
    # shellcheck disable=SC2020 # a character set, spelled out: POSIX leaves a shorter set 2 unspecified
    tr -s '\011\015\040\042\047\054\133\135' '\n\n\n\n\n\n\n\n' <"$OUT_DIR$r_path"
  done <"$LIST" | {
    r_prev=
    while IFS= read -r r_word; do
      # systemd EnvironmentFile=-/path ("-": the file may be missing)
      case $r_word in
        EnvironmentFile=*)
          r_value=${r_word#EnvironmentFile=}
          r_value=${r_value#-}
          case $r_value in /*) printf 'file %s\n' "$r_value" ;; esac
          r_prev=$r_word
          continue
          ;;
      esac
      # Environment="KUBELET_CONFIG_ARGS=--config=/x": the flag starts at the last `=--`.
      case $r_word in *=--*) r_word=--${r_word##*=--} ;; esac
      # MicroK8s args files name their files under ${SNAP_DATA} and ${SNAP}.
      case $r_word in
        *'${SNAP_DATA}'* | *'$SNAP_DATA'* | *'${SNAP}'* | *'$SNAP/'*)
          r_word=$(printf '%s' "$r_word" | sed -e 's#[$][{]SNAP_DATA[}]#/var/snap/microk8s/current#g' \
            -e 's#[$]SNAP_DATA#/var/snap/microk8s/current#g' -e 's#[$][{]SNAP[}]#/snap/microk8s/current#g' \
            -e 's#[$]SNAP/#/snap/microk8s/current/#g')
          ;;
      esac
      case $r_word in
        *=/*) r_name=${r_word%%=*} r_value=${r_word#*=} ;;
        /*) r_name=$r_prev r_value=$r_word ;;
        *) r_name='' r_value='' ;;
      esac
      r_name=${r_name#--}
      r_name=${r_name%:}
      case $r_value in *'$'* | *'*'*) r_name= ;; esac
      case $r_name in
        config-dir) printf 'dir %s\n' "$r_value" ;;
        config | kubeconfig | bootstrap-kubeconfig | egress-selector-config-file | authentication-config | authorization-config)
          printf 'file %s\n' "$r_value"
          ;;
        tls-cert-file | client-ca-file | kubelet-certificate-authority | kubelet-client-certificate | root-ca-file | \
          server-cert | server-ca-cert | cluster-cert | cluster-ca-cert | ca-cert | agent-cert | \
          tlsCertFile | clientCAFile | client-certificate | certificate-authority)
          printf 'cert %s\n' "$r_value"
          ;;
      esac
      r_prev=$r_word
    done
  }
}

follow_references() {
  f_round=0
  while [ "$f_round" -lt 3 ]; do
    f_round=$((f_round + 1))
    f_before=$(wc -l <"$LIST")
    references | sort -u >"$STAGE/refs"
    while read -r f_kind f_path; do
      case $f_kind in
        dir) collect_glob "${f_path%/}" '*.conf' ;;
        cert) collect_certificate "$f_path" ;;
        file) collect "$f_path" ;;
      esac
    done <"$STAGE/refs"
    [ "$(wc -l <"$LIST")" -eq "$f_before" ] && break
  done
}

configz() {
  command -v kubectl >/dev/null 2>&1 || {
    say "--configz: kubectl not found, skipped"
    return 0
  }
  z_node=${NODE:-$(uname -n)}
  z_node_path=/run/kube-comms-lint/kubelet-configz.json
  z_dest=$OUT_DIR$z_node_path
  mkdir -p "${z_dest%/*}" || return 0
  if kubectl get --raw "/api/v1/nodes/$z_node/proxy/configz" >"$STAGE/configz" 2>"$STAGE/configz.err"; then
    redact <"$STAGE/configz" >"$z_dest"
    printf '%s\n' "$z_node_path" >>"$LIST"
  else
    say "--configz: kubectl get --raw /api/v1/nodes/$z_node/proxy/configz failed: $(head -n 1 "$STAGE/configz.err")"
  fi
}

well_known
command_lines
follow_references
[ "$CONFIGZ" = 1 ] && configz

COUNT=$(wc -l <"$LIST" | tr -d ' ')
if [ "$COUNT" -eq 0 ]; then
  die 2 "nothing collected under ${ROOT}: no kubeadm, k3s, RKE2, MicroK8s, kops or systemd-unit configuration and no running components found"
fi
if [ "$COUNT" -gt 200 ]; then
  say "warning: $COUNT files collected; the API accepts at most 200 in one request"
fi

# ---- dry run: a tarball ----------------------------------------------------------------------

if [ "$DRY_RUN" = 1 ]; then
  OUT=${DRY_RUN_FILE:-kube-comms-lint-collect.tar}
  case $OUT in /*) ;; *) OUT=$(pwd)/$OUT ;; esac
  case $OUT in
    *.tar.gz | *.tgz) TAR_FLAGS=-czf ;;
    *) TAR_FLAGS=-cf ;;
  esac
  tar "$TAR_FLAGS" "$OUT" -C "$FILES" . || die 2 "could not write $OUT"
  echo "collected $COUNT files (redacted) into $OUT:"
  while IFS= read -r d_path; do
    echo "  $NODE$d_path"
  done <"$LIST"
  exit 0
fi

# ---- upload: one multipart request -----------------------------------------------------------

# curl -F reads `"..."` quoted file names, with \" and \\ escaped inside.
curl_quote() { printf '%s' "$1" | sed 's/[\\"]/\\&/g'; }

QUERY=
[ -n "$FAIL_ON" ] && QUERY="${QUERY}&failOn=$FAIL_ON"
[ -n "$NETWORK" ] && QUERY="${QUERY}&network=$NETWORK"
URL=$SERVER/v1/lint${QUERY:+?${QUERY#&}}

set -- -sS -o "$STAGE/response" -w '%{http_code}' -H 'Accept: application/json'
while IFS= read -r u_path; do
  say "uploading $NODE$u_path"
  set -- "$@" -F "file=@\"$(curl_quote "$OUT_DIR$u_path")\";filename=\"$(curl_quote "$NODE$u_path")\""
done <"$LIST"

# A wrong --server answers 404 at once and drops the upload mid-way (the Worker cancels the bodies it
# refuses, so curl sees a reset, not the answer): ask first, without a body. The API answers a GET of
# the URL with 405; OPTIONS would not do, since CORS answers a preflight on any path.
PREFLIGHT=$(curl -s -o /dev/null -w '%{http_code}' "$URL" 2>/dev/null) || PREFLIGHT=
[ "$PREFLIGHT" = 404 ] && die 3 "$URL answered HTTP 404: is --server the API's base URL?"

STATUS=$(curl "$@" "$URL")
RC=$?
if [ "$RC" -ne 0 ]; then
  [ -s "$STAGE/response" ] && cat "$STAGE/response" >&2
  case $RC in
    55 | 56) die 3 "upload to $URL failed (curl exit $RC): the server closed the connection before it answered, as it does for an upload it refuses" ;;
  esac
  die 3 "upload to $URL failed (curl exit $RC)"
fi
case $STATUS in
  200)
    cat "$STAGE/response"
    echo
    say "linted $COUNT files: HTTP 200"
    exit 0
    ;;
  422)
    cat "$STAGE/response"
    echo
    say "linted $COUNT files: HTTP 422, a finding at or above --fail-on $FAIL_ON (or a file failed to parse)"
    exit 1
    ;;
  *)
    cat "$STAGE/response" >&2
    echo >&2
    die 3 "$URL answered HTTP $STATUS"
    ;;
esac
