import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { buildConnector } from 'undici';

/** The IANA global unicast block; everything else in IPv6 is reserved, local or special. */
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');
/** Names that reach cloud metadata services or are only meaningful inside a private network. */
const METADATA_NAMES = new Set(['metadata', 'metadata.goog', 'metadata.google.internal', 'instance-data', 'instance-data.ec2.internal']);
const LOCAL_SUFFIXES = ['localhost', 'local', 'internal', 'localdomain', 'home.arpa'];

const v4 = (high: number, low: number): ipaddr.IPv4 => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);

/**
 * The IPv4 addresses an IPv6 address carries, for the forms that reach them: IPv4-mapped and
 * translated (::ffff:0:0/96, ::ffff:0:0:0/96), IPv4-compatible (::/96), NAT64 (64:ff9b::/96),
 * 6to4 (2002::/16) and Teredo (2001::/32: server, and client with its bits inverted).
 */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4[] {
  const p = address.parts;
  const zeros = (from: number, to: number): boolean => p.slice(from, to).every((part) => part === 0);
  if (zeros(0, 5) && (p[5] === 0xffff || p[5] === 0)) return [v4(p[6], p[7])];
  if (zeros(0, 4) && p[4] === 0xffff && p[5] === 0) return [v4(p[6], p[7])];
  if (p[0] === 0x64 && p[1] === 0xff9b && zeros(2, 6)) return [v4(p[6], p[7])];
  if (p[0] === 0x2002) return [v4(p[1], p[2])];
  if (p[0] === 0x2001 && p[1] === 0) return [v4(p[2], p[3]), v4(~p[6] & 0xffff, ~p[7] & 0xffff)];
  return [];
}

function ipv4Refusal(address: ipaddr.IPv4): string | undefined {
  const range = address.range();
  return range === 'unicast' ? undefined : `${address.toString()} is ${range}`;
}

function ipv6Refusal(address: ipaddr.IPv6): string | undefined {
  const range = address.range();
  if (range === 'unspecified' || range === 'loopback') return `${address.toString()} is ${range}`;
  const embedded = embeddedIPv4(address);
  if (embedded.length) return embedded.map(ipv4Refusal).find(Boolean);
  if (range !== 'unicast') return `${address.toString()} is ${range}`;
  if (!address.match(GLOBAL_UNICAST_V6)) return `${address.toString()} is outside global unicast`;
  return undefined;
}

/** Why an IP address may not be contacted (any range but global unicast), or undefined when it may. */
export function addressRefusal(address: string): string | undefined {
  const literal = address.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(literal)) return `${address} is not an IP address`;
  const parsed = ipaddr.parse(literal);
  return parsed.kind() === 'ipv4' ? ipv4Refusal(parsed as ipaddr.IPv4) : ipv6Refusal(parsed as ipaddr.IPv6);
}

/** Why a host name (not an IP literal) may not be contacted: local, metadata or ambiguous names. */
export function hostnameRefusal(hostname: string): string | undefined {
  const name = hostname.toLowerCase();
  if (name.endsWith('.')) return `${hostname} ends with a dot`;
  if (!name.includes('.')) return `${hostname} is not a fully qualified name`;
  if (METADATA_NAMES.has(name)) return `${hostname} is a metadata service`;
  if (LOCAL_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`))) return `${hostname} is a local name`;
  return undefined;
}

/** Why a host, name or IP literal, may not be contacted. */
export function hostRefusal(host: string): string | undefined {
  const literal = host.replace(/^\[|\]$/g, '');
  return isIP(literal) ? addressRefusal(literal) : hostnameRefusal(literal);
}

/** Why a subscriber URL may not be used, or undefined when it may. */
export function urlProblem(raw: string, allowPrivateNetworks: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'url must be an absolute URL';
  }
  if (url.username || url.password) return 'url must not carry credentials';
  if (url.protocol !== 'https:' && !(allowPrivateNetworks && url.protocol === 'http:')) return 'url must use https';
  const refusal = allowPrivateNetworks ? undefined : hostRefusal(url.hostname);
  return refusal && `url points at a private, loopback or reserved address: ${refusal}`;
}

/** Resolves a name to every address it has (an IP literal resolves to itself). */
export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolve: Resolve = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

export class PrivateAddressRefused extends Error {
  readonly code = 'EPRIVATEADDRESS';
}

/**
 * The addresses a connection to `host` may use, in order: refused when the name or any address
 * it resolves to is not public, so a name that also resolves inward cannot be raced.
 */
export async function checkedAddresses(host: string, allowPrivateNetworks: boolean, resolve: Resolve = systemResolve): Promise<string[]> {
  const hostname = host.replace(/^\[|\]$/g, '');
  const nameRefusal = allowPrivateNetworks || isIP(hostname) ? undefined : hostnameRefusal(hostname);
  if (nameRefusal) throw new PrivateAddressRefused(nameRefusal);
  const family = isIP(hostname);
  const addresses = family ? [{ address: hostname, family }] : await resolve(hostname);
  if (addresses.length === 0) throw new PrivateAddressRefused(`${hostname} resolves to no address`);
  const refusal = allowPrivateNetworks ? undefined : addresses.map((a) => addressRefusal(a.address)).find(Boolean);
  if (refusal) throw new PrivateAddressRefused(`${hostname}: ${refusal}`);
  return addresses.map((a) => a.address);
}

/**
 * An undici connector that decides on the resolved addresses at connect time and then connects
 * to exactly those addresses (IP literals included), so DNS cannot change the answer in between.
 * TLS still verifies the certificate against the URL's name.
 */
export function guardedConnector(options: { allowPrivateNetworks: boolean; timeoutMs: number; resolve?: Resolve }): buildConnector.connector {
  const connect = buildConnector({ timeout: options.timeoutMs });
  return (target, callback) => {
    checkedAddresses(target.hostname, options.allowPrivateNetworks, options.resolve).then(
      (addresses) => connectInTurn(connect, target, addresses, callback),
      (error: Error) => callback(error, null),
    );
  };
}

/** Tries the checked addresses one after another until one answers, never any other address. */
function connectInTurn(connect: buildConnector.connector, target: buildConnector.Options, addresses: string[], callback: buildConnector.Callback): void {
  const [address, ...rest] = addresses;
  connect({ ...target, hostname: address }, (...outcome) => {
    if (outcome[0] && rest.length) return connectInTurn(connect, target, rest, callback);
    callback(...outcome);
  });
}
