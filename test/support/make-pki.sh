#!/bin/sh
# Makes throw-away Kubernetes PKIs with the openssl CLI into DIR: one right, kubeadm-like, and certificates
# broken in each way a certificate rule names. The keys stay in DIR, which the caller deletes: nothing
# here is committed, and the tests read only the certificates (*.crt, never *.key).
#
#   sh test/support/make-pki.sh DIR [rsa|ec]
#
# rsa (the default) makes RSA-2048 keys, as kubeadm does; ec makes P-256 keys (smaller certificates, for
# the rules' committed examples). Validity is fixed, not relative to today, through `openssl ca
# -startdate/-enddate` (OpenSSL 3.0 has no `x509 -not_before`): judge them at asOf 2026-06-01T00:00:00Z.
#   good       2025-01-01 .. 2035-01-01
#   expired    2024-01-01 .. 2025-01-01
#   soon       2025-06-15 .. 2026-06-15 (14 days after asOf)
#   future     2027-01-01 .. 2030-01-01 (not yet valid)
set -eu
out=$1
kind=${2:-rsa}
mkdir -p "$out"
cd "$out"

GOOD_FROM=20250101000000Z
GOOD_TO=20350101000000Z

key() { # NAME [genpkey options]: a private key of the chosen kind, or of the kind the options say
  if [ $# -gt 1 ]; then
    name=$1
    shift
    openssl genpkey "$@" -out "$name.key" 2>/dev/null
  elif [ "$kind" = ec ]; then
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1.key" 2>/dev/null
  else
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1.key" 2>/dev/null
  fi
}

cat >ext.cnf <<'EOF'
[ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, digitalSignature, keyEncipherment, keyCertSign
subjectKeyIdentifier = hash
[not_a_ca]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment, keyCertSign
[apiserver]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:control-plane-1, DNS:kubernetes, DNS:kubernetes.default, DNS:kubernetes.default.svc, DNS:kubernetes.default.svc.cluster.local, IP:10.96.0.1, IP:10.0.0.10
[apiserver_no_service_ip]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:control-plane-1, DNS:kubernetes, DNS:kubernetes.default, DNS:kubernetes.default.svc, DNS:kubernetes.default.svc.cluster.local, IP:10.0.0.10
[apiserver_client_only]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = clientAuth
subjectAltName = DNS:control-plane-1, DNS:kubernetes, DNS:kubernetes.default, DNS:kubernetes.default.svc, DNS:kubernetes.default.svc.cluster.local, IP:10.96.0.1, IP:10.0.0.10
[client]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = clientAuth
[kubelet_serving]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:worker-1, IP:10.0.0.21
[kubelet_serving_no_ip]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:worker-1
EOF

# database NAME: the openssl ca configuration and database of the CA NAME (NAME.crt, NAME.key).
database() {
  mkdir -p "db-$1"
  : >"db-$1/index.txt"
  echo 'unique_subject = no' >"db-$1/index.txt.attr"
  openssl rand -hex 8 >"db-$1/serial"
  cat >"$1.cnf" <<EOF
[ca]
default_ca = this
[this]
database = db-$1/index.txt
new_certs_dir = db-$1
serial = db-$1/serial
certificate = $1.crt
private_key = $1.key
default_md = sha256
policy = any
email_in_dn = no
copy_extensions = none
[any]
organizationName = optional
commonName = supplied
EOF
}

# ca NAME SUBJECT [EXTENSIONS [genpkey options]]: a self-signed CA with the good validity.
ca() {
  ca_name=$1 ca_subject=$2 ca_ext=${3:-ca}
  shift 2
  [ $# -gt 0 ] && shift
  key "$ca_name" "$@"
  database "$ca_name"
  openssl req -new -key "$ca_name.key" -subj "$ca_subject" -out "$ca_name.csr" 2>/dev/null
  openssl ca -batch -selfsign -config "$ca_name.cnf" -keyfile "$ca_name.key" -in "$ca_name.csr" -out "$ca_name.crt" \
    -notext -preserveDN -extfile ext.cnf -extensions "$ca_ext" -startdate "$GOOD_FROM" -enddate "$GOOD_TO" $CA_MD 2>/dev/null
}
CA_MD=

# sign NAME CA KEY EXTENSIONS SUBJECT [FROM TO [openssl ca options...]]
sign() {
  name=$1 ca=$2 keyfile=$3 ext=$4 subject=$5
  from=${6:-$GOOD_FROM}
  to=${7:-$GOOD_TO}
  shift 5
  [ $# -ge 2 ] && shift 2 || set --
  openssl req -new -key "$keyfile.key" -subj "$subject" -out "$name.csr" 2>/dev/null
  openssl ca -batch -config "$ca.cnf" -in "$name.csr" -out "$name.crt" -notext -preserveDN \
    -extfile ext.cnf -extensions "$ext" -startdate "$from" -enddate "$to" "$@" 2>/dev/null
}

# The cluster CA, and another CA with the very same name: only the signature tells them apart.
ca ca /CN=kubernetes
ca other-ca /CN=kubernetes
ca not-a-ca /CN=not-a-ca not_a_ca
key leaf
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out weak.key 2>/dev/null

# Right: what kubeadm makes (apiserver.crt, apiserver-kubelet-client.crt, the kubeconfigs' client
# certificates) and what a kubelet with serverTLSBootstrap holds.
sign apiserver ca leaf apiserver /CN=kube-apiserver
sign apiserver-kubelet-client ca leaf client /O=kubeadm:cluster-admins/CN=kube-apiserver-kubelet-client
sign admin ca leaf client /O=kubeadm:cluster-admins/CN=kubernetes-admin
sign controller-manager ca leaf client /CN=system:kube-controller-manager
sign kubelet-client ca leaf client /O=system:nodes/CN=system:node:worker-1
sign kubelet-serving ca leaf kubelet_serving /O=system:nodes/CN=system:node:worker-1

# Broken, one way each.
sign apiserver-other-ca other-ca leaf apiserver /CN=kube-apiserver
sign apiserver-no-service-ip ca leaf apiserver_no_service_ip /CN=kube-apiserver
sign apiserver-client-only ca leaf apiserver_client_only /CN=kube-apiserver
sign apiserver-weak-key ca weak apiserver /CN=kube-apiserver
sign apiserver-sha1 ca leaf apiserver /CN=kube-apiserver "$GOOD_FROM" "$GOOD_TO" -md sha1
# ECDSA has no MD5 form: an MD5 signature needs an RSA CA.
[ "$kind" = rsa ] && sign apiserver-md5 ca leaf apiserver /CN=kube-apiserver "$GOOD_FROM" "$GOOD_TO" -md md5
sign apiserver-expired ca leaf apiserver /CN=kube-apiserver 20240101000000Z 20250101000000Z
sign apiserver-expiring ca leaf apiserver /CN=kube-apiserver 20250615000000Z 20260615000000Z
sign apiserver-not-yet-valid ca leaf apiserver /CN=kube-apiserver 20270101000000Z 20300101000000Z
sign apiserver-kubelet-client-other-ca other-ca leaf client /O=kubeadm:cluster-admins/CN=kube-apiserver-kubelet-client
sign apiserver-kubelet-client-no-rbac ca leaf client /O=example:nobody/CN=kube-apiserver-kubelet-client
sign kubelet-client-wrong-cn ca leaf client /O=system:nodes/CN=worker-1
sign kubelet-client-wrong-o ca leaf client /O=system:masters/CN=system:node:worker-1
sign kubelet-client-expired ca leaf client /O=system:nodes/CN=system:node:worker-1 20240101000000Z 20250101000000Z
sign kubelet-client-other-ca other-ca leaf client /O=system:nodes/CN=system:node:worker-1
sign kubelet-serving-other-ca other-ca leaf kubelet_serving /O=system:nodes/CN=system:node:worker-1
sign kubelet-serving-no-ip ca leaf kubelet_serving_no_ip /O=system:nodes/CN=system:node:worker-1
sign signed-by-not-a-ca not-a-ca leaf apiserver /CN=kube-apiserver

# The kubelet's own certificate when nothing is configured: a leaf and the throwaway CA that signed it,
# both in kubelet.crt (client-go util/cert GenerateSelfSignedCertKey).
ca kubelet-own-ca /CN=worker-1-ca@1735689600
sign kubelet-self kubelet-own-ca leaf kubelet_serving /CN=worker-1@1735689600
cat kubelet-self.crt kubelet-own-ca.crt >kubelet-self-signed.crt

# Signature algorithms and encodings the reader and the verifier must get right (tests only).
if [ "$kind" = rsa ]; then
  sign algo-rsa-pss-32 ca leaf apiserver /CN=pss-salt-32 "$GOOD_FROM" "$GOOD_TO" -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32
  sign algo-rsa-pss-max ca leaf apiserver /CN=pss-salt-max "$GOOD_FROM" "$GOOD_TO" -md sha384 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:max
  ca algo-p384-ca /CN=p384-ca ca -algorithm EC -pkeyopt ec_paramgen_curve:P-384
  key algo-p256 -algorithm EC -pkeyopt ec_paramgen_curve:P-256
  sign algo-p256-by-p384 algo-p384-ca algo-p256 apiserver /CN=p256-under-p384 "$GOOD_FROM" "$GOOD_TO" -md sha384
  ca algo-p521-ca /CN=p521-ca ca -algorithm EC -pkeyopt ec_paramgen_curve:P-521
  sign algo-rsa-by-p521 algo-p521-ca leaf apiserver /CN=rsa-under-p521 "$GOOD_FROM" "$GOOD_TO" -md sha512
  ca algo-pss-key-ca /CN=pss-key-ca ca -algorithm RSA-PSS -pkeyopt rsa_keygen_bits:2048
  sign algo-by-pss-key algo-pss-key-ca leaf apiserver /CN=signed-by-a-pss-key
  CA_MD='-md default'
  ca algo-ed25519-ca /CN=ed25519-ca ca -algorithm ED25519
  sign algo-by-ed25519 algo-ed25519-ca leaf apiserver /CN=signed-by-ed25519 "$GOOD_FROM" "$GOOD_TO" -md default
  CA_MD=
  key algo-p192 -algorithm EC -pkeyopt ec_paramgen_curve:P-192
  sign algo-p192-key ca algo-p192 apiserver /CN=p192-key
  # A chain: an intermediate CA the cluster CA signed, and a serving certificate it signed.
  key intermediate-ca
  sign intermediate-ca ca intermediate-ca ca /CN=intermediate-ca
  database intermediate-ca
  sign signed-by-intermediate intermediate-ca leaf apiserver /CN=kube-apiserver
  # UTCTime ends in 2049; 2050 on is GeneralizedTime (RFC 5280): the reader must get both years right.
  sign algo-until-2049 ca leaf apiserver /CN=until-2049 "$GOOD_FROM" 20491231235959Z
  sign algo-until-2050 ca leaf apiserver /CN=until-2050 "$GOOD_FROM" 20500101000000Z
fi
rm -f ./*.csr
