// Package pseudo pseudonymises personal data at the door, as ../shared/oslo/MAPPING.md
// section 7 proposes (after ENISA's 2019 pseudonymisation guidance): identifiers become keyed
// hashes, quasi-identifiers are generalised, and direct identifiers never leave the adapter.
//
// # Basics
//
//   - KeyProvider yields the secret key: FileKey, EnvKey (UWP_PSEUDONYM_KEY by default) or
//     CommandKey (a command that prints it, e.g. a secret manager). ParseKeySource reads
//     "file:PATH", "env:NAME" or "cmd:COMMAND ARGS..." from configuration. There is no
//     default key: without one, New fails with ErrNoKey.
//   - Pseudonymizer.Token(domain, value) = base32(HMAC-SHA256(key, domain "|" normalised
//     value)), domain-separated so that an order id and a ticket id with the same text never
//     share a pseudonym.
//   - BirthYear, AgeBand and PostalCode reduce quasi-identifiers.
//
// # Caveats
//
// Pseudonymised data is still personal data (GDPR recital 26): whoever holds the key can
// re-identify by hashing candidate values. Keep the key out of the store, rotate it per data
// sharing agreement, and aggregate before any open publication.
package pseudo
