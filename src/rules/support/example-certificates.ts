/**
 * The certificate rules' examples: a right kubeadm-like PKI and the same upload broken in one way for
 * each rule, judged at a pinned asOf.
 *
 * The certificates are public and nothing else is here: they were made once with
 * `sh test/support/make-pki.sh DIR ec` (OpenSSL 3.0.19, P-256 keys, fixed validity: the right ones
 * 2025-01-01 to 2035-01-01), then only the *.crt files were copied and DIR, keys included, deleted. The
 * test suite makes its own PKIs the same way at test time (test/support/pki-setup.ts).
 */
import type { RuleExample } from '../../engine/rule';
import {
  apiserver,
  file,
  kubeconfig,
  kubeletConfig,
  konnectivityAgent,
  konnectivityServer,
  lines,
  staticPod,
  upload,
} from './examples';

/** The time every certificate example is judged at. */
export const EXAMPLE_AS_OF = '2026-06-01T00:00:00Z';

/** CN=kubernetes is the cluster CA; other-ca has the very same name and another key. */
const CERTS = {
  ca: `-----BEGIN CERTIFICATE-----
MIIBYjCCAQigAwIBAgIIRkar8oyICv4wCgYIKoZIzj0EAwIwFTETMBEGA1UEAwwK
a3ViZXJuZXRlczAeFw0yNTAxMDEwMDAwMDBaFw0zNTAxMDEwMDAwMDBaMBUxEzAR
BgNVBAMMCmt1YmVybmV0ZXMwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAATQ5O4C
4P3Pe0MhdCqI/3yLh1zodE3DPtJ3bswUd9oiv85BLjMbKI+jFdI1Ii88bXLCd8PH
eOTzIw+hHr1t1dsro0IwQDAPBgNVHRMBAf8EBTADAQH/MA4GA1UdDwEB/wQEAwIC
pDAdBgNVHQ4EFgQUAo43HD91b7WgXSnMolxe3D+pNK8wCgYIKoZIzj0EAwIDSAAw
RQIhAJKbuljLgQQGzvD/DhYzi/1/e9NUI8gPFb1K1H8Fn8RgAiBzhR2s+l5LIB+F
Mir7IPHElb4/VLpnq7vBajx6rsH79g==
-----END CERTIFICATE-----
`,
  'other-ca': `-----BEGIN CERTIFICATE-----
MIIBYjCCAQigAwIBAgIIcd5laHgOezMwCgYIKoZIzj0EAwIwFTETMBEGA1UEAwwK
a3ViZXJuZXRlczAeFw0yNTAxMDEwMDAwMDBaFw0zNTAxMDEwMDAwMDBaMBUxEzAR
BgNVBAMMCmt1YmVybmV0ZXMwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARq147x
jdxIKLlXrFKYFc+hm3MzttUmAzdECe4Cdwns9fCDiyXHZFfngNNo5hlkWTMNj1tD
ugN8P8mefmFUQfHro0IwQDAPBgNVHRMBAf8EBTADAQH/MA4GA1UdDwEB/wQEAwIC
pDAdBgNVHQ4EFgQUOPup7UyVUlrc9Ob2ajsHJOkofKwwCgYIKoZIzj0EAwIDSAAw
RQIgUdtWKuVxIRaNO+oAAPLDWPSxHLKJT75Nhv8F9Sa7nKgCIQDBiVE05RzaF5jn
9w2P8paJiErTI6X4mhMNGomA7KdLtA==
-----END CERTIFICATE-----
`,
  apiserver: `-----BEGIN CERTIFICATE-----
MIICIjCCAcigAwIBAgIIRkar8oyICv8wCgYIKoZIzj0EAwIwFTETMBEGA1UEAwwK
a3ViZXJuZXRlczAeFw0yNTAxMDEwMDAwMDBaFw0zNTAxMDEwMDAwMDBaMBkxFzAV
BgNVBAMMDmt1YmUtYXBpc2VydmVyMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE
S1Z3J8j95JrWV/JtbtNnZGGAEXdRi99yM9EjCJwB86RqGFhRBTxHnH3/4GTcEynR
Ngg9tgpErIrsEweRhSTFqKOB/TCB+jAMBgNVHRMBAf8EAjAAMA4GA1UdDwEB/wQE
AwIFoDATBgNVHSUEDDAKBggrBgEFBQcDATCBhAYDVR0RBH0we4IPY29udHJvbC1w
bGFuZS0xggprdWJlcm5ldGVzghJrdWJlcm5ldGVzLmRlZmF1bHSCFmt1YmVybmV0
ZXMuZGVmYXVsdC5zdmOCJGt1YmVybmV0ZXMuZGVmYXVsdC5zdmMuY2x1c3Rlci5s
b2NhbIcECmAAAYcECgAACjAdBgNVHQ4EFgQUKyOx4b8cx+ATacWkKjm3DYryRsow
HwYDVR0jBBgwFoAUAo43HD91b7WgXSnMolxe3D+pNK8wCgYIKoZIzj0EAwIDSAAw
RQIhANBezIl31T1qiDBTnsJ8E9OiZGv1Kh6Zfg881PcDCjjKAiB0hA/WmmLmGwv9
27vbc9NPaTWtiX+QnAqbP0Ey5BieWw==
-----END CERTIFICATE-----
`,
  'apiserver-other-ca': `-----BEGIN CERTIFICATE-----
MIICIzCCAcigAwIBAgIIcd5laHgOezQwCgYIKoZIzj0EAwIwFTETMBEGA1UEAwwK
a3ViZXJuZXRlczAeFw0yNTAxMDEwMDAwMDBaFw0zNTAxMDEwMDAwMDBaMBkxFzAV
BgNVBAMMDmt1YmUtYXBpc2VydmVyMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE
S1Z3J8j95JrWV/JtbtNnZGGAEXdRi99yM9EjCJwB86RqGFhRBTxHnH3/4GTcEynR
Ngg9tgpErIrsEweRhSTFqKOB/TCB+jAMBgNVHRMBAf8EAjAAMA4GA1UdDwEB/wQE
AwIFoDATBgNVHSUEDDAKBggrBgEFBQcDATCBhAYDVR0RBH0we4IPY29udHJvbC1w
bGFuZS0xggprdWJlcm5ldGVzghJrdWJlcm5ldGVzLmRlZmF1bHSCFmt1YmVybmV0
ZXMuZGVmYXVsdC5zdmOCJGt1YmVybmV0ZXMuZGVmYXVsdC5zdmMuY2x1c3Rlci5s
b2NhbIcECmAAAYcECgAACjAdBgNVHQ4EFgQUKyOx4b8cx+ATacWkKjm3DYryRsow
HwYDVR0jBBgwFoAUOPup7UyVUlrc9Ob2ajsHJOkofKwwCgYIKoZIzj0EAwIDSQAw
RgIhAIvXGTaIg+17h0IgaFT+xm+LSieJzCjcaXNTWFMuwh1GAiEAtDAZcoxa/+Ek
PFOg29hQqEqPfHlNyZqihjN7BO4CfUo=
-----END CERTIFICATE-----
`,
  'apiserver-no-service-ip': `-----BEGIN CERTIFICATE-----
MIICGzCCAcGgAwIBAgIIRkar8oyICwUwCgYIKoZIzj0EAwIwFTETMBEGA1UEAwwK
a3ViZXJuZXRlczAeFw0yNTAxMDEwMDAwMDBaFw0zNTAxMDEwMDAwMDBaMBkxFzAV
BgNVBAMMDmt1YmUtYXBpc2VydmVyMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE
S1Z3J8j95JrWV/JtbtNnZGGAEXdRi99yM9EjCJwB86RqGFhRBTxHnH3/4GTcEynR
Ngg9tgpErIrsEweRhSTFqKOB9jCB8zAMBgNVHRMBAf8EAjAAMA4GA1UdDwEB/wQE
AwIFoDATBgNVHSUEDDAKBggrBgEFBQcDATB+BgNVHREEdzB1gg9jb250cm9sLXBs
YW5lLTGCCmt1YmVybmV0ZXOCEmt1YmVybmV0ZXMuZGVmYXVsdIIWa3ViZXJuZXRl
cy5kZWZhdWx0LnN2Y4Ika3ViZXJuZXRlcy5kZWZhdWx0LnN2Yy5jbHVzdGVyLmxv
Y2FshwQKAAAKMB0GA1UdDgQWBBQrI7HhvxzH4BNpxaQqObcNivJGyjAfBgNVHSME
GDAWgBQCjjccP3VvtaBdKcyiXF7cP6k0rzAKBggqhkjOPQQDAgNIADBFAiBVtUy/
5NO5b8RLBAEtetqRMD6wub6O10RMDueFxGu7EQIhAM548/BDokZLcDNWqx2jgINZ
dWHa5yTIbaotS7bmiW+s
-----END CERTIFICATE-----
`,
  'apiserver-client-only': `-----BEGIN CERTIFICATE-----
MIICIjCCAcigAwIBAgIIRkar8oyICwYwCgYIKoZIzj0EAwIwFTETMBEGA1UEAwwK
a3ViZXJuZXRlczAeFw0yNTAxMDEwMDAwMDBaFw0zNTAxMDEwMDAwMDBaMBkxFzAV
BgNVBAMMDmt1YmUtYXBpc2VydmVyMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE
S1Z3J8j95JrWV/JtbtNnZGGAEXdRi99yM9EjCJwB86RqGFhRBTxHnH3/4GTcEynR
Ngg9tgpErIrsEweRhSTFqKOB/TCB+jAMBgNVHRMBAf8EAjAAMA4GA1UdDwEB/wQE
AwIFoDATBgNVHSUEDDAKBggrBgEFBQcDAjCBhAYDVR0RBH0we4IPY29udHJvbC1w
bGFuZS0xggprdWJlcm5ldGVzghJrdWJlcm5ldGVzLmRlZmF1bHSCFmt1YmVybmV0
ZXMuZGVmYXVsdC5zdmOCJGt1YmVybmV0ZXMuZGVmYXVsdC5zdmMuY2x1c3Rlci5s
b2NhbIcECmAAAYcECgAACjAdBgNVHQ4EFgQUKyOx4b8cx+ATacWkKjm3DYryRsow
HwYDVR0jBBgwFoAUAo43HD91b7WgXSnMolxe3D+pNK8wCgYIKoZIzj0EAwIDSAAw
RQIhAIvh2Gpj6i8uJkdR6mQhx981Z58M19btGo3mnllm1kRJAiBPoXTmkaOaYjgA
kBjW0Yzpj8ya7xMKiYCTWCozNumujQ==
-----END CERTIFICATE-----
`,
  'apiserver-weak-key': `-----BEGIN CERTIFICATE-----
MIICaDCCAg+gAwIBAgIIRkar8oyICwcwCgYIKoZIzj0EAwIwFTETMBEGA1UEAwwK
a3ViZXJuZXRlczAeFw0yNTAxMDEwMDAwMDBaFw0zNTAxMDEwMDAwMDBaMBkxFzAV
BgNVBAMMDmt1YmUtYXBpc2VydmVyMIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKB
gQDE7fh4s1WazMUm7e78dm8LN5IHb7wzh83gQTPJCzA1RPDU4okl1sz87SMkSmN9
YbGoM6wQgbPA+FquUuGM50tSE5Gt02qSXyT2bQlkXqoFQHBE7dIzLaEJ74iAeC+V
733zp83ybM7PqW0A9Gms6QyboBVzFkHpSXjoKGGcrF0QVQIDAQABo4H9MIH6MAwG
A1UdEwEB/wQCMAAwDgYDVR0PAQH/BAQDAgWgMBMGA1UdJQQMMAoGCCsGAQUFBwMB
MIGEBgNVHREEfTB7gg9jb250cm9sLXBsYW5lLTGCCmt1YmVybmV0ZXOCEmt1YmVy
bmV0ZXMuZGVmYXVsdIIWa3ViZXJuZXRlcy5kZWZhdWx0LnN2Y4Ika3ViZXJuZXRl
cy5kZWZhdWx0LnN2Yy5jbHVzdGVyLmxvY2FshwQKYAABhwQKAAAKMB0GA1UdDgQW
BBT/JiQeVI2ngsxKU3OeSStXqRq0HDAfBgNVHSMEGDAWgBQCjjccP3VvtaBdKcyi
XF7cP6k0rzAKBggqhkjOPQQDAgNHADBEAiBb+8vyLrcy+Zb/8jWGWbmGV8jrX+Ep
H0u2ya7kJjYTMQIgd0Oe1snuEjjUeNS9ZwdBXTM62ia/cYVqUGF1CorILSM=
-----END CERTIFICATE-----
`,
  'apiserver-expired': `-----BEGIN CERTIFICATE-----
MIICIzCCAcigAwIBAgIIRkar8oyICwkwCgYIKoZIzj0EAwIwFTETMBEGA1UEAwwK
a3ViZXJuZXRlczAeFw0yNDAxMDEwMDAwMDBaFw0yNTAxMDEwMDAwMDBaMBkxFzAV
BgNVBAMMDmt1YmUtYXBpc2VydmVyMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE
S1Z3J8j95JrWV/JtbtNnZGGAEXdRi99yM9EjCJwB86RqGFhRBTxHnH3/4GTcEynR
Ngg9tgpErIrsEweRhSTFqKOB/TCB+jAMBgNVHRMBAf8EAjAAMA4GA1UdDwEB/wQE
AwIFoDATBgNVHSUEDDAKBggrBgEFBQcDATCBhAYDVR0RBH0we4IPY29udHJvbC1w
bGFuZS0xggprdWJlcm5ldGVzghJrdWJlcm5ldGVzLmRlZmF1bHSCFmt1YmVybmV0
ZXMuZGVmYXVsdC5zdmOCJGt1YmVybmV0ZXMuZGVmYXVsdC5zdmMuY2x1c3Rlci5s
b2NhbIcECmAAAYcECgAACjAdBgNVHQ4EFgQUKyOx4b8cx+ATacWkKjm3DYryRsow
HwYDVR0jBBgwFoAUAo43HD91b7WgXSnMolxe3D+pNK8wCgYIKoZIzj0EAwIDSQAw
RgIhAJyG30BuZlCHe9o5N20o6HSTDr5HFNBt/N9oqY8+iCYmAiEAzC94xEktFlmC
BDFdGvgIsvMzOrMXh8HPFEGqwGyHY68=
-----END CERTIFICATE-----
`,
  'apiserver-expiring': `-----BEGIN CERTIFICATE-----
MIICITCCAcigAwIBAgIIRkar8oyICwowCgYIKoZIzj0EAwIwFTETMBEGA1UEAwwK
a3ViZXJuZXRlczAeFw0yNTA2MTUwMDAwMDBaFw0yNjA2MTUwMDAwMDBaMBkxFzAV
BgNVBAMMDmt1YmUtYXBpc2VydmVyMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE
S1Z3J8j95JrWV/JtbtNnZGGAEXdRi99yM9EjCJwB86RqGFhRBTxHnH3/4GTcEynR
Ngg9tgpErIrsEweRhSTFqKOB/TCB+jAMBgNVHRMBAf8EAjAAMA4GA1UdDwEB/wQE
AwIFoDATBgNVHSUEDDAKBggrBgEFBQcDATCBhAYDVR0RBH0we4IPY29udHJvbC1w
bGFuZS0xggprdWJlcm5ldGVzghJrdWJlcm5ldGVzLmRlZmF1bHSCFmt1YmVybmV0
ZXMuZGVmYXVsdC5zdmOCJGt1YmVybmV0ZXMuZGVmYXVsdC5zdmMuY2x1c3Rlci5s
b2NhbIcECmAAAYcECgAACjAdBgNVHQ4EFgQUKyOx4b8cx+ATacWkKjm3DYryRsow
HwYDVR0jBBgwFoAUAo43HD91b7WgXSnMolxe3D+pNK8wCgYIKoZIzj0EAwIDRwAw
RAIgNFuaiA7yUDfuwI/5+OtIy+ZwfbuU6ATotQ1LrYbAvKICIDn74hqAcgppOKVz
E1YStRcONdlJWZeOXud5k/+98x7B
-----END CERTIFICATE-----
`,
  'apiserver-kubelet-client': `-----BEGIN CERTIFICATE-----
MIIByjCCAW+gAwIBAgIIRkar8oyICwAwCgYIKoZIzj0EAwIwFTETMBEGA1UEAwwK
a3ViZXJuZXRlczAeFw0yNTAxMDEwMDAwMDBaFw0zNTAxMDEwMDAwMDBaMEkxHzAd
BgNVBAoMFmt1YmVhZG06Y2x1c3Rlci1hZG1pbnMxJjAkBgNVBAMMHWt1YmUtYXBp
c2VydmVyLWt1YmVsZXQtY2xpZW50MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE
S1Z3J8j95JrWV/JtbtNnZGGAEXdRi99yM9EjCJwB86RqGFhRBTxHnH3/4GTcEynR
Ngg9tgpErIrsEweRhSTFqKN1MHMwDAYDVR0TAQH/BAIwADAOBgNVHQ8BAf8EBAMC
BaAwEwYDVR0lBAwwCgYIKwYBBQUHAwIwHQYDVR0OBBYEFCsjseG/HMfgE2nFpCo5
tw2K8kbKMB8GA1UdIwQYMBaAFAKONxw/dW+1oF0pzKJcXtw/qTSvMAoGCCqGSM49
BAMCA0kAMEYCIQCcQjEgGdQDdsgsN3O3jF3bzloN0V0frieyd8ZzxquyRwIhAN1z
xjRlPu9cwtsuapezeVLvL8Hg4acZOXkvfaoXG7ek
-----END CERTIFICATE-----
`,
  'apiserver-kubelet-client-other-ca': `-----BEGIN CERTIFICATE-----
MIIByTCCAW+gAwIBAgIIcd5laHgOezUwCgYIKoZIzj0EAwIwFTETMBEGA1UEAwwK
a3ViZXJuZXRlczAeFw0yNTAxMDEwMDAwMDBaFw0zNTAxMDEwMDAwMDBaMEkxHzAd
BgNVBAoMFmt1YmVhZG06Y2x1c3Rlci1hZG1pbnMxJjAkBgNVBAMMHWt1YmUtYXBp
c2VydmVyLWt1YmVsZXQtY2xpZW50MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE
S1Z3J8j95JrWV/JtbtNnZGGAEXdRi99yM9EjCJwB86RqGFhRBTxHnH3/4GTcEynR
Ngg9tgpErIrsEweRhSTFqKN1MHMwDAYDVR0TAQH/BAIwADAOBgNVHQ8BAf8EBAMC
BaAwEwYDVR0lBAwwCgYIKwYBBQUHAwIwHQYDVR0OBBYEFCsjseG/HMfgE2nFpCo5
tw2K8kbKMB8GA1UdIwQYMBaAFDj7qe1MlVJa3PTm9mo7ByTpKHysMAoGCCqGSM49
BAMCA0gAMEUCIHOQb517jNG265Ff99rmiBt/KO6J7J8hcf4kqFeWAjlAAiEAs30M
GFMZX6FXIUEAGkPqB0jqDG5KtZCmNYF2HTQF8EE=
-----END CERTIFICATE-----
`,
  'apiserver-kubelet-client-no-rbac': `-----BEGIN CERTIFICATE-----
MIIBwDCCAWegAwIBAgIIRkar8oyICwwwCgYIKoZIzj0EAwIwFTETMBEGA1UEAwwK
a3ViZXJuZXRlczAeFw0yNTAxMDEwMDAwMDBaFw0zNTAxMDEwMDAwMDBaMEExFzAV
BgNVBAoMDmV4YW1wbGU6bm9ib2R5MSYwJAYDVQQDDB1rdWJlLWFwaXNlcnZlci1r
dWJlbGV0LWNsaWVudDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABEtWdyfI/eSa
1lfybW7TZ2RhgBF3UYvfcjPRIwicAfOkahhYUQU8R5x9/+Bk3BMp0TYIPbYKRKyK
7BMHkYUkxaijdTBzMAwGA1UdEwEB/wQCMAAwDgYDVR0PAQH/BAQDAgWgMBMGA1Ud
JQQMMAoGCCsGAQUFBwMCMB0GA1UdDgQWBBQrI7HhvxzH4BNpxaQqObcNivJGyjAf
BgNVHSMEGDAWgBQCjjccP3VvtaBdKcyiXF7cP6k0rzAKBggqhkjOPQQDAgNHADBE
AiBD+tNFs9m+FAm/p5BvyzxDWcDB2b0W/hIz6pFlmsZtXQIgA5ud2RFZ2K9HkHmC
PyvkCA7Jtyvew2MD7ZRFCUfKY7k=
-----END CERTIFICATE-----
`,
  'kubelet-client': `-----BEGIN CERTIFICATE-----
MIIBtjCCAVygAwIBAgIIRkar8oyICwMwCgYIKoZIzj0EAwIwFTETMBEGA1UEAwwK
a3ViZXJuZXRlczAeFw0yNTAxMDEwMDAwMDBaFw0zNTAxMDEwMDAwMDBaMDYxFTAT
BgNVBAoMDHN5c3RlbTpub2RlczEdMBsGA1UEAwwUc3lzdGVtOm5vZGU6d29ya2Vy
LTEwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARLVncnyP3kmtZX8m1u02dkYYAR
d1GL33Iz0SMInAHzpGoYWFEFPEecff/gZNwTKdE2CD22CkSsiuwTB5GFJMWoo3Uw
czAMBgNVHRMBAf8EAjAAMA4GA1UdDwEB/wQEAwIFoDATBgNVHSUEDDAKBggrBgEF
BQcDAjAdBgNVHQ4EFgQUKyOx4b8cx+ATacWkKjm3DYryRsowHwYDVR0jBBgwFoAU
Ao43HD91b7WgXSnMolxe3D+pNK8wCgYIKoZIzj0EAwIDSAAwRQIgUYcnulyeKMJo
gROrDfKAe4btaRQe2po79VXA+ymenQsCIQCh+hFVF2U/DdVYZ1pZUbq+cBgKwjpn
J0yJQdN8uB3yNQ==
-----END CERTIFICATE-----
`,
  'kubelet-client-wrong-cn': `-----BEGIN CERTIFICATE-----
MIIBqzCCAVCgAwIBAgIIRkar8oyICw0wCgYIKoZIzj0EAwIwFTETMBEGA1UEAwwK
a3ViZXJuZXRlczAeFw0yNTAxMDEwMDAwMDBaFw0zNTAxMDEwMDAwMDBaMCoxFTAT
BgNVBAoMDHN5c3RlbTpub2RlczERMA8GA1UEAwwId29ya2VyLTEwWTATBgcqhkjO
PQIBBggqhkjOPQMBBwNCAARLVncnyP3kmtZX8m1u02dkYYARd1GL33Iz0SMInAHz
pGoYWFEFPEecff/gZNwTKdE2CD22CkSsiuwTB5GFJMWoo3UwczAMBgNVHRMBAf8E
AjAAMA4GA1UdDwEB/wQEAwIFoDATBgNVHSUEDDAKBggrBgEFBQcDAjAdBgNVHQ4E
FgQUKyOx4b8cx+ATacWkKjm3DYryRsowHwYDVR0jBBgwFoAUAo43HD91b7WgXSnM
olxe3D+pNK8wCgYIKoZIzj0EAwIDSQAwRgIhALhkfkiC1ih2YLmvPtU0QLH5cy1D
iCg8lfpZITEQugQXAiEA5uCq/ysArSSc+M8D2QTvwHs6vZU9UJ9K6SY4Ci0Xc+E=
-----END CERTIFICATE-----
`,
  'kubelet-client-other-ca': `-----BEGIN CERTIFICATE-----
MIIBtjCCAVygAwIBAgIIcd5laHgOezYwCgYIKoZIzj0EAwIwFTETMBEGA1UEAwwK
a3ViZXJuZXRlczAeFw0yNTAxMDEwMDAwMDBaFw0zNTAxMDEwMDAwMDBaMDYxFTAT
BgNVBAoMDHN5c3RlbTpub2RlczEdMBsGA1UEAwwUc3lzdGVtOm5vZGU6d29ya2Vy
LTEwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARLVncnyP3kmtZX8m1u02dkYYAR
d1GL33Iz0SMInAHzpGoYWFEFPEecff/gZNwTKdE2CD22CkSsiuwTB5GFJMWoo3Uw
czAMBgNVHRMBAf8EAjAAMA4GA1UdDwEB/wQEAwIFoDATBgNVHSUEDDAKBggrBgEF
BQcDAjAdBgNVHQ4EFgQUKyOx4b8cx+ATacWkKjm3DYryRsowHwYDVR0jBBgwFoAU
OPup7UyVUlrc9Ob2ajsHJOkofKwwCgYIKoZIzj0EAwIDSAAwRQIhAIJn6VfMV/YN
btxbR5mdaWUM++TVglOJp/l8voi1WuGwAiARzGj+lmUa7Fp6gKLhOtX5J1GjXwUH
YHszfoOYZ4d/8A==
-----END CERTIFICATE-----
`,
  'kubelet-serving': `-----BEGIN CERTIFICATE-----
MIIB0jCCAXmgAwIBAgIIRkar8oyICwQwCgYIKoZIzj0EAwIwFTETMBEGA1UEAwwK
a3ViZXJuZXRlczAeFw0yNTAxMDEwMDAwMDBaFw0zNTAxMDEwMDAwMDBaMDYxFTAT
BgNVBAoMDHN5c3RlbTpub2RlczEdMBsGA1UEAwwUc3lzdGVtOm5vZGU6d29ya2Vy
LTEwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARLVncnyP3kmtZX8m1u02dkYYAR
d1GL33Iz0SMInAHzpGoYWFEFPEecff/gZNwTKdE2CD22CkSsiuwTB5GFJMWoo4GR
MIGOMAwGA1UdEwEB/wQCMAAwDgYDVR0PAQH/BAQDAgWgMBMGA1UdJQQMMAoGCCsG
AQUFBwMBMBkGA1UdEQQSMBCCCHdvcmtlci0xhwQKAAAVMB0GA1UdDgQWBBQrI7Hh
vxzH4BNpxaQqObcNivJGyjAfBgNVHSMEGDAWgBQCjjccP3VvtaBdKcyiXF7cP6k0
rzAKBggqhkjOPQQDAgNHADBEAiBQhVKH4twNWrzehzwhldRXDZcFwhcfeb5Wyh7T
Y1An3AIgDFVmoTazN51mnYYESOauI9Bie02+Df5qYCP07YH8gFY=
-----END CERTIFICATE-----
`,
  'kubelet-serving-other-ca': `-----BEGIN CERTIFICATE-----
MIIB0zCCAXmgAwIBAgIIcd5laHgOezcwCgYIKoZIzj0EAwIwFTETMBEGA1UEAwwK
a3ViZXJuZXRlczAeFw0yNTAxMDEwMDAwMDBaFw0zNTAxMDEwMDAwMDBaMDYxFTAT
BgNVBAoMDHN5c3RlbTpub2RlczEdMBsGA1UEAwwUc3lzdGVtOm5vZGU6d29ya2Vy
LTEwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARLVncnyP3kmtZX8m1u02dkYYAR
d1GL33Iz0SMInAHzpGoYWFEFPEecff/gZNwTKdE2CD22CkSsiuwTB5GFJMWoo4GR
MIGOMAwGA1UdEwEB/wQCMAAwDgYDVR0PAQH/BAQDAgWgMBMGA1UdJQQMMAoGCCsG
AQUFBwMBMBkGA1UdEQQSMBCCCHdvcmtlci0xhwQKAAAVMB0GA1UdDgQWBBQrI7Hh
vxzH4BNpxaQqObcNivJGyjAfBgNVHSMEGDAWgBQ4+6ntTJVSWtz05vZqOwck6Sh8
rDAKBggqhkjOPQQDAgNIADBFAiAwT6TSRWVT8zEwPK+A4vgQEGS4w1o5llslNhy2
cT0N2AIhAJcrG/xG7K6Xoqu9Lo7PvLAnlcs5IH/3KSKGzt8vRjrX
-----END CERTIFICATE-----
`,
  'kubelet-serving-no-ip': `-----BEGIN CERTIFICATE-----
MIIBzDCCAXOgAwIBAgIIRkar8oyICxAwCgYIKoZIzj0EAwIwFTETMBEGA1UEAwwK
a3ViZXJuZXRlczAeFw0yNTAxMDEwMDAwMDBaFw0zNTAxMDEwMDAwMDBaMDYxFTAT
BgNVBAoMDHN5c3RlbTpub2RlczEdMBsGA1UEAwwUc3lzdGVtOm5vZGU6d29ya2Vy
LTEwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARLVncnyP3kmtZX8m1u02dkYYAR
d1GL33Iz0SMInAHzpGoYWFEFPEecff/gZNwTKdE2CD22CkSsiuwTB5GFJMWoo4GL
MIGIMAwGA1UdEwEB/wQCMAAwDgYDVR0PAQH/BAQDAgWgMBMGA1UdJQQMMAoGCCsG
AQUFBwMBMBMGA1UdEQQMMAqCCHdvcmtlci0xMB0GA1UdDgQWBBQrI7HhvxzH4BNp
xaQqObcNivJGyjAfBgNVHSMEGDAWgBQCjjccP3VvtaBdKcyiXF7cP6k0rzAKBggq
hkjOPQQDAgNHADBEAiAN22r/y9vtRIAtDSUZqRfXFdTZZr5DTqZNfrEY+hdjFAIg
cWtw2f0/9Do1QekiF2ezX9l+6WiX8igh1LCw4a7rsZg=
-----END CERTIFICATE-----
`,
};

/** PEM text by file name (without .crt), as test/support/make-pki.sh names them. */
export type CertificateSource = Readonly<Record<string, string>>;

const PKI = '/etc/kubernetes/pki';
const KUBELET_PKI = '/var/lib/kubelet/pki';

/** Which certificate sits at each place of the right PKI; a broken upload swaps one. */
export interface Pki {
  apiserver: string;
  apiserverKubeletClient: string;
  kubeletClient: string;
  kubeletServing: string;
}

export const RIGHT_PKI: Pki = {
  apiserver: 'apiserver',
  apiserverKubeletClient: 'apiserver-kubelet-client',
  kubeletClient: 'kubelet-client',
  kubeletServing: 'kubelet-serving',
};

function certificate(certs: CertificateSource, name: string): string {
  const found = certs[name];
  if (found === undefined) throw new Error(`no certificate ${name}`);
  return found;
}

/**
 * A kubeadm control plane and node: the API server verifies kubelets, kubelets bootstrap their serving
 * certificates and trust the cluster CA for clients, and kubeadm's kubeadm:cluster-admins group is bound.
 */
export function kubeadmUpload(
  pki: Pki,
  extra: RuleExample['files'] = [],
  certs: CertificateSource = CERTS,
): RuleExample {
  const cert = (name: string) => certificate(certs, name);
  // A kubeconfig carries certificates as base64 of their PEM.
  const data = (name: string) => btoa(cert(name));
  return {
    ...upload(
      apiserver([
        '--advertise-address=10.0.0.10',
        '--authorization-mode=Node,RBAC',
        `--client-ca-file=${PKI}/ca.crt`,
        `--tls-cert-file=${PKI}/apiserver.crt`,
        `--tls-private-key-file=${PKI}/apiserver.key`,
        `--kubelet-certificate-authority=${PKI}/ca.crt`,
        `--kubelet-client-certificate=${PKI}/apiserver-kubelet-client.crt`,
        `--kubelet-client-key=${PKI}/apiserver-kubelet-client.key`,
        '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname',
        '--service-cluster-ip-range=10.96.0.0/12',
      ]),
      staticPod('kube-controller-manager', [`--root-ca-file=${PKI}/ca.crt`]),
      file(`${PKI}/ca.crt`, cert('ca')),
      file(`${PKI}/apiserver.crt`, cert(pki.apiserver)),
      file(`${PKI}/apiserver-kubelet-client.crt`, cert(pki.apiserverKubeletClient)),
      kubeletConfig(
        lines(
          'authentication:',
          '  x509:',
          `    clientCAFile: ${PKI}/ca.crt`,
          'authorization:',
          '  mode: Webhook',
          'rotateCertificates: true',
          'serverTLSBootstrap: true',
        ),
      ),
      file('/var/lib/kubelet/kubeadm-flags.env', 'KUBELET_KUBEADM_ARGS="--node-ip=10.0.0.21"\n'),
      kubeconfig(
        '/etc/kubernetes/kubelet.conf',
        ['server: https://10.0.0.10:6443', `certificate-authority-data: ${data('ca')}`],
        'system:node:worker-1',
        [`client-certificate: ${KUBELET_PKI}/kubelet-client-current.pem`],
      ),
      file(`${KUBELET_PKI}/kubelet-client-current.pem`, cert(pki.kubeletClient)),
      file(`${KUBELET_PKI}/kubelet-server-current.pem`, cert(pki.kubeletServing)),
      file(
        'kubeadm-cluster-admins.yaml',
        lines(
          'apiVersion: rbac.authorization.k8s.io/v1',
          'kind: ClusterRoleBinding',
          'metadata:',
          '  name: kubeadm:cluster-admins',
          'roleRef:',
          '  apiGroup: rbac.authorization.k8s.io',
          '  kind: ClusterRole',
          '  name: cluster-admin',
          'subjects:',
          '- apiGroup: rbac.authorization.k8s.io',
          '  kind: Group',
          '  name: kubeadm:cluster-admins',
        ),
      ),
      ...extra,
    ),
    asOf: EXAMPLE_AS_OF,
  };
}

/**
 * The setup-konnectivity task's server and agents over the cluster CA; `agentCa` is what the agent
 * trusts: `serviceAccount` (the service account's ca.crt, the root CA) or a certificate's name.
 */
export function konnectivityUpload(agentCa: string, certs: CertificateSource = CERTS): RuleExample {
  const cert = (name: string) => certificate(certs, name);
  const caFlag =
    agentCa === 'serviceAccount'
      ? '--ca-cert=/var/run/secrets/kubernetes.io/serviceaccount/ca.crt'
      : '--ca-cert=/etc/konnectivity/ca.crt';
  return {
    ...upload(
      staticPod('kube-controller-manager', [`--root-ca-file=${PKI}/ca.crt`]),
      file(`${PKI}/ca.crt`, cert('ca')),
      file(`${PKI}/apiserver.crt`, cert('apiserver')),
      konnectivityServer([
        '--uds-name=/etc/kubernetes/konnectivity-server/konnectivity-server.socket',
        `--cluster-cert=${PKI}/apiserver.crt`,
        `--cluster-key=${PKI}/apiserver.key`,
        '--agent-port=8132',
      ]),
      konnectivityAgent([caFlag, '--proxy-server-host=10.0.0.10', '--proxy-server-port=8132']),
      ...(agentCa === 'serviceAccount' ? [] : [file('/etc/konnectivity/ca.crt', cert(agentCa))]),
    ),
    asOf: EXAMPLE_AS_OF,
  };
}

/**
 * Built by a call the bundler may drop when nothing reads the result (`@__PURE__`): the Worker bundle
 * imports this file only for the rules' `examples`, which it never calls.
 */
export const CERTIFICATE_EXAMPLES = /* @__PURE__ */ certificateExamples();

function certificateExamples() {
  return {
    kubeadm: kubeadmUpload(RIGHT_PKI),
    expired: kubeadmUpload({ ...RIGHT_PKI, apiserver: 'apiserver-expired' }),
    expiring: kubeadmUpload({ ...RIGHT_PKI, apiserver: 'apiserver-expiring' }),
    weak: kubeadmUpload({ ...RIGHT_PKI, apiserver: 'apiserver-weak-key' }),
    clientOnlyServing: kubeadmUpload({ ...RIGHT_PKI, apiserver: 'apiserver-client-only' }),
    apiserverOtherCa: kubeadmUpload({ ...RIGHT_PKI, apiserver: 'apiserver-other-ca' }),
    apiserverNoServiceIp: kubeadmUpload({ ...RIGHT_PKI, apiserver: 'apiserver-no-service-ip' }),
    kubeletClientOtherCa: kubeadmUpload({ ...RIGHT_PKI, kubeletClient: 'kubelet-client-other-ca' }),
    kubeletClientWrongCn: kubeadmUpload({ ...RIGHT_PKI, kubeletClient: 'kubelet-client-wrong-cn' }),
    kubeletServingOtherCa: kubeadmUpload({ ...RIGHT_PKI, kubeletServing: 'kubelet-serving-other-ca' }),
    kubeletServingNoIp: kubeadmUpload({ ...RIGHT_PKI, kubeletServing: 'kubelet-serving-no-ip' }),
    kubeletClientCertOtherCa: kubeadmUpload({
      ...RIGHT_PKI,
      apiserverKubeletClient: 'apiserver-kubelet-client-other-ca',
    }),
    kubeletClientUnbound: kubeadmUpload({
      ...RIGHT_PKI,
      apiserverKubeletClient: 'apiserver-kubelet-client-no-rbac',
    }),
    // A kubeconfig that carries its key: `bm90IGEga2V5` is base64 of "not a key", a stand-in only.
    withKey: kubeadmUpload(RIGHT_PKI, [
      kubeconfig(
        '/etc/kubernetes/admin.conf',
        ['server: https://10.0.0.10:6443', `certificate-authority-data: ${btoa(CERTS.ca)}`],
        'kubernetes-admin',
        ['client-key-data: bm90IGEga2V5'],
      ),
    ]),
    konnectivity: konnectivityUpload('serviceAccount'),
    konnectivityOtherCa: konnectivityUpload('other-ca'),
  } satisfies Record<string, RuleExample>;
}
