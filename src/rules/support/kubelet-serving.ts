/**
 * What a kubelet serves, for the two serving-certificate rules: the uploaded certificate when its file
 * was uploaded (a certificate is self-signed when it is its own issuer: signed by itself, or by a CA in
 * the same file, as the kubelet's generated kubelet.crt is), else what its configuration implies.
 */
import type { CertificateInfo } from '../../ingest/x509';
import type { CertificateBinding } from '../../model/certificates-binding';
import type { ClusterModel } from '../../model/cluster-model';
import type { Kubelet, ServingCertificate } from '../../model/kubelet';
import type { Location } from '../../schemas/common';
import { bindingsOf } from './certificate-findings';

export type ServingState =
  | {
      source: 'certificate';
      selfSigned: boolean;
      binding: CertificateBinding;
      certificate: CertificateInfo;
      location: Location;
    }
  | { source: 'configuration'; selfSigned: boolean; configured: ServingCertificate };

/** undefined when neither the certificate nor the configuration can tell. */
export function servingState(model: ClusterModel, kubelet: Kubelet): ServingState | undefined {
  const binding = bindingsOf(model, 'kubelet-serving', kubelet)[0];
  const first = binding?.bundle?.certificates[0];
  const certificate = first ? model.certificates.info(first) : undefined;
  if (binding?.bundle && first && certificate) {
    const selfSigned = model.certificates.issuedWithin(binding.bundle) === true;
    return { source: 'certificate', selfSigned, binding, certificate, location: first.location };
  }
  const configured = kubelet.servingCertificate();
  return configured ? { source: 'configuration', selfSigned: configured.selfSigned, configured } : undefined;
}

/** How the kubelet's side reads in a message: "serves CN=… (…), which is its own issuer". */
export function describeServing(state: ServingState, kubeletName: string): string {
  if (state.source === 'certificate') {
    return `${kubeletName} serves ${state.certificate.subject.text} (${state.binding.setting}), which is its own issuer (issued by ${state.certificate.issuer.text}, in the same file or by itself)`;
  }
  const cert = state.configured;
  return cert.generated
    ? `${kubeletName} serves the certificate it generated for itself (${cert.generated})`
    : `${kubeletName} serves a self-signed certificate because neither serverTLSBootstrap nor tlsCertFile is set (${cert.bootstrap.describe})`;
}
