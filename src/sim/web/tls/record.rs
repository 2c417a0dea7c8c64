//! The TLS record layer as it crosses the wire, read back from the bytes:
//! record headers (RFC 8446 §5.1, RFC 5246 §6.2), the handshake messages
//! inside plaintext records (§4), and names for the encrypted records taken
//! from the protocol's message order, since their content cannot be read
//! without the keys.
//!
//! Pure: the runner records the bytes each way and hands them here.

use serde::Serialize;

/// Which end sent a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Client,
    Server,
}

impl Side {
    pub fn name(self) -> &'static str {
        match self {
            Side::Client => "client",
            Side::Server => "server",
        }
    }
}

/// The TLS version the handshake negotiated, which decides what an
/// encrypted record can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    Tls12,
    Tls13,
}

/// `ContentType` (RFC 8446 §5.1).
pub const CHANGE_CIPHER_SPEC: u8 = 20;
pub const ALERT: u8 = 21;
pub const HANDSHAKE: u8 = 22;
pub const APPLICATION_DATA: u8 = 23;

/// One record as read from the bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub from: Side,
    /// Counts the runs of bytes in one direction: 0 is the client's first
    /// flight, 1 the server's answer, and so on.
    pub flight: usize,
    pub content_type: u8,
    pub legacy_version: u16,
    pub fragment: Vec<u8>,
}

/// A chunk of bytes as the client's socket wrote or read it, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    pub from: Side,
    pub bytes: Vec<u8>,
}

/// Splits what crossed the wire into records, each tagged with the flight
/// its first byte arrived in. A record cut off at the end is dropped.
pub fn records(chunks: &[Chunk]) -> Vec<Record> {
    let mut out = Vec::new();
    for side in [Side::Client, Side::Server] {
        // The side's bytes joined, with where each flight starts.
        let mut bytes = Vec::new();
        let mut starts: Vec<(usize, usize)> = Vec::new();
        let mut flight = 0;
        let mut last = None;
        for c in chunks {
            if last.is_some() && last != Some(c.from) {
                flight += 1;
            }
            last = Some(c.from);
            if c.from == side {
                starts.push((bytes.len(), flight));
                bytes.extend_from_slice(&c.bytes);
            }
        }
        let flight_at = |offset: usize| {
            starts
                .iter()
                .rev()
                .find(|(start, _)| *start <= offset)
                .map_or(0, |(_, f)| *f)
        };
        let mut at = 0;
        while at + 5 <= bytes.len() {
            let len = usize::from(u16::from_be_bytes([bytes[at + 3], bytes[at + 4]]));
            if at + 5 + len > bytes.len() {
                break;
            }
            out.push(Record {
                from: side,
                flight: flight_at(at),
                content_type: bytes[at],
                legacy_version: u16::from_be_bytes([bytes[at + 1], bytes[at + 2]]),
                fragment: bytes[at + 5..at + 5 + len].to_vec(),
            });
            at += 5 + len;
        }
    }
    // Back into wire order: flights in turn, each side's records in order.
    out.sort_by_key(|r| r.flight);
    out
}

/// The `HandshakeType`s in a plaintext handshake record: several messages
/// can share one record (a TLS 1.2 server puts its whole first flight in one).
pub fn handshake_types(fragment: &[u8]) -> Vec<u8> {
    let mut types = Vec::new();
    let mut at = 0;
    while at + 4 <= fragment.len() {
        types.push(fragment[at]);
        let len = (usize::from(fragment[at + 1]) << 16)
            | (usize::from(fragment[at + 2]) << 8)
            | usize::from(fragment[at + 3]);
        at += 4 + len;
    }
    types
}

/// RFC 8446 §4 and RFC 5246 §7.4 names of `HandshakeType`.
pub fn handshake_name(t: u8) -> String {
    match t {
        1 => "ClientHello",
        2 => "ServerHello",
        4 => "NewSessionTicket",
        8 => "EncryptedExtensions",
        11 => "Certificate",
        12 => "ServerKeyExchange",
        13 => "CertificateRequest",
        14 => "ServerHelloDone",
        15 => "CertificateVerify",
        16 => "ClientKeyExchange",
        20 => "Finished",
        _ => return format!("handshake({t})"),
    }
    .to_string()
}

/// RFC 8446 §6 names of the alert descriptions a handshake failure sends.
pub fn alert_name(description: u8) -> String {
    match description {
        0 => "close_notify",
        10 => "unexpected_message",
        40 => "handshake_failure",
        42 => "bad_certificate",
        44 => "certificate_revoked",
        45 => "certificate_expired",
        46 => "certificate_unknown",
        48 => "unknown_ca",
        50 => "decode_error",
        51 => "decrypt_error",
        80 => "internal_error",
        _ => return format!("alert({description})"),
    }
    .to_string()
}

/// One handshake (or other) message, named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Message {
    pub from: Side,
    #[serde(rename = "type")]
    pub kind: String,
    pub encrypted: bool,
    /// Which record (index into the records) carried it; not in the JSON.
    #[serde(skip)]
    pub record: usize,
}

/// Names every message the records carry. Plaintext records are read;
/// encrypted ones are named from the protocol order that this demo's
/// exchange follows (handshake, one request, one response, close_notify):
///
/// - TLS 1.3 (RFC 8446 §2): everything after ServerHello is encrypted and
///   travels as `application_data`. The server's first encrypted flight is
///   {EncryptedExtensions, Certificate, CertificateVerify, Finished}; the
///   client's next encrypted record is its Finished (or, when the handshake
///   failed, the Alert it sends instead), the rest its request; the server's
///   last flight is its NewSessionTicket(s), the response and close_notify.
/// - TLS 1.2 (RFC 5246 §7.3): the record type stays visible; the handshake
///   record after a side's ChangeCipherSpec is its encrypted Finished.
pub fn messages(version: Version, records: &[Record], failed: bool) -> Vec<Message> {
    let mut out = Vec::new();
    let mut after_ccs = [false, false];
    let mut client_finished = false;
    let mut first_server_flight: Option<usize> = None;
    let last_server_flight = records
        .iter()
        .filter(|r| r.from == Side::Server)
        .map(|r| r.flight)
        .max();
    for (i, r) in records.iter().enumerate() {
        let side = usize::from(r.from == Side::Server);
        let mut push = |kind: String, encrypted: bool| {
            out.push(Message {
                from: r.from,
                kind,
                encrypted,
                record: i,
            })
        };
        match (r.content_type, version) {
            (CHANGE_CIPHER_SPEC, _) => {
                after_ccs[side] = true;
                push("ChangeCipherSpec".into(), false);
            }
            (HANDSHAKE, _) if !after_ccs[side] || version == Version::Tls13 => {
                for t in handshake_types(&r.fragment) {
                    push(handshake_name(t), false);
                }
            }
            (HANDSHAKE, Version::Tls12) => push("Finished".into(), true),
            (ALERT, _) if !after_ccs[side] => {
                let desc = r.fragment.get(1).copied().unwrap_or(0);
                push(format!("Alert ({})", alert_name(desc)), false);
            }
            // After the exchange, the server's last word is close_notify.
            (ALERT, _) if r.from == Side::Server && !failed => {
                push("Alert (close_notify)".into(), true)
            }
            (ALERT, _) => push("Alert".into(), true),
            (APPLICATION_DATA, Version::Tls12) => push("ApplicationData".into(), true),
            (APPLICATION_DATA, Version::Tls13) => match r.from {
                Side::Server => {
                    let first = *first_server_flight.get_or_insert(r.flight);
                    let in_flight: Vec<usize> = (0..records.len())
                        .filter(|&j| {
                            records[j].from == Side::Server
                                && records[j].flight == r.flight
                                && records[j].content_type == APPLICATION_DATA
                        })
                        .collect();
                    let pos = in_flight.iter().position(|&j| j == i).unwrap_or(0);
                    if r.flight == first {
                        let flight = [
                            "EncryptedExtensions",
                            "Certificate",
                            "CertificateVerify",
                            "Finished",
                        ];
                        if in_flight.len() == flight.len() {
                            push(flight[pos].into(), true);
                        } else if pos == 0 {
                            // One record can carry the whole flight.
                            for name in flight {
                                push(name.into(), true);
                            }
                        } else {
                            push("handshake".into(), true);
                        }
                    } else if Some(r.flight) == last_server_flight && pos + 1 == in_flight.len() {
                        push("Alert (close_notify)".into(), true);
                    } else if Some(r.flight) == last_server_flight && pos + 2 == in_flight.len() {
                        push("ApplicationData".into(), true);
                    } else {
                        push("NewSessionTicket".into(), true);
                    }
                }
                Side::Client if !client_finished => {
                    client_finished = true;
                    push(if failed { "Alert" } else { "Finished" }.into(), true);
                }
                Side::Client => push("ApplicationData".into(), true),
            },
            (t, _) => push(format!("record({t})"), false),
        }
    }
    out
}

/// Round trips before the client's first application byte: the server
/// flights the client had to wait for before it could send its request.
pub fn round_trips(records: &[Record], messages: &[Message]) -> Option<usize> {
    let first = messages
        .iter()
        .find(|m| m.from == Side::Client && m.kind == "ApplicationData")?;
    let flight = records[first.record].flight;
    let mut server_flights: Vec<usize> = records
        .iter()
        .filter(|r| r.from == Side::Server && r.flight < flight)
        .map(|r| r.flight)
        .collect();
    server_flights.dedup();
    Some(server_flights.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(content_type: u8, body: &[u8]) -> Vec<u8> {
        let mut v = vec![content_type, 3, 3];
        v.extend_from_slice(&(body.len() as u16).to_be_bytes());
        v.extend_from_slice(body);
        v
    }

    fn hs(t: u8, len: usize) -> Vec<u8> {
        let mut v = vec![t, 0, (len >> 8) as u8, len as u8];
        v.resize(4 + len, 0xAA);
        v
    }

    fn chunk(from: Side, parts: &[Vec<u8>]) -> Chunk {
        Chunk {
            from,
            bytes: parts.concat(),
        }
    }

    fn kinds(m: &[Message]) -> Vec<(Side, &str, bool)> {
        m.iter()
            .map(|m| (m.from, m.kind.as_str(), m.encrypted))
            .collect()
    }

    use Side::{Client as C, Server as S};

    /// RFC 8446 §2 Figure 1 with the middlebox-compatibility CCS (Appendix
    /// D.4), the encrypted server flight in one record, and one round trip.
    #[test]
    fn tls13_full_handshake_names_the_encrypted_flight_by_order() {
        let chunks = [
            chunk(C, &[rec(22, &hs(1, 40))]),
            chunk(S, &[rec(22, &hs(2, 30)), rec(20, &[1]), rec(23, &[0; 500])]),
            chunk(C, &[rec(20, &[1]), rec(23, &[0; 53])]),
            chunk(C, &[rec(23, &[0; 30])]),
            chunk(
                S,
                &[rec(23, &[0; 100]), rec(23, &[0; 30]), rec(23, &[0; 19])],
            ),
        ];
        let records = records(&chunks);
        assert_eq!(records.len(), 10);
        let m = messages(Version::Tls13, &records, false);
        assert_eq!(
            kinds(&m),
            [
                (C, "ClientHello", false),
                (S, "ServerHello", false),
                (S, "ChangeCipherSpec", false),
                (S, "EncryptedExtensions", true),
                (S, "Certificate", true),
                (S, "CertificateVerify", true),
                (S, "Finished", true),
                (C, "ChangeCipherSpec", false),
                (C, "Finished", true),
                (C, "ApplicationData", true),
                (S, "NewSessionTicket", true),
                (S, "ApplicationData", true),
                (S, "Alert (close_notify)", true),
            ]
        );
        assert_eq!(round_trips(&records, &m), Some(1));
    }

    /// RFC 5246 §7.3 Figure 1: the server's first flight in one record,
    /// two round trips before application data.
    #[test]
    fn tls12_full_handshake_reads_each_plaintext_message() {
        let first = [hs(2, 70), hs(11, 600), hs(12, 100), hs(14, 0)].concat();
        let chunks = [
            chunk(C, &[rec(22, &hs(1, 40))]),
            chunk(S, &[rec(22, &first)]),
            chunk(C, &[rec(22, &hs(16, 66)), rec(20, &[1]), rec(22, &[0; 40])]),
            chunk(S, &[rec(20, &[1]), rec(22, &[0; 40])]),
            chunk(C, &[rec(23, &[0; 40])]),
            chunk(S, &[rec(23, &[0; 40]), rec(21, &[0; 26])]),
        ];
        let records = records(&chunks);
        let m = messages(Version::Tls12, &records, false);
        assert_eq!(
            kinds(&m),
            [
                (C, "ClientHello", false),
                (S, "ServerHello", false),
                (S, "Certificate", false),
                (S, "ServerKeyExchange", false),
                (S, "ServerHelloDone", false),
                (C, "ClientKeyExchange", false),
                (C, "ChangeCipherSpec", false),
                (C, "Finished", true),
                (S, "ChangeCipherSpec", false),
                (S, "Finished", true),
                (C, "ApplicationData", true),
                (S, "ApplicationData", true),
                (S, "Alert (close_notify)", true),
            ]
        );
        assert_eq!(round_trips(&records, &m), Some(2));
    }

    #[test]
    fn a_record_split_across_reads_is_one_record_in_its_first_flight() {
        let whole = rec(22, &hs(2, 30));
        let (a, b) = whole.split_at(7);
        let chunks = [
            chunk(C, &[rec(22, &hs(1, 4))]),
            Chunk {
                from: S,
                bytes: a.to_vec(),
            },
            Chunk {
                from: S,
                bytes: b.to_vec(),
            },
        ];
        let r = records(&chunks);
        assert_eq!(r.len(), 2);
        assert_eq!((r[1].from, r[1].flight, r[1].fragment.len()), (S, 1, 34));
    }

    #[test]
    fn a_failed_handshake_has_no_round_trip_count_and_names_the_alert() {
        let chunks = [
            chunk(C, &[rec(22, &hs(1, 4))]),
            chunk(S, &[rec(22, &[hs(2, 4), hs(11, 9)].concat())]),
            chunk(C, &[rec(21, &[2, 48])]),
        ];
        let records = records(&chunks);
        let m = messages(Version::Tls12, &records, true);
        assert_eq!(
            m.last().map(|m| m.kind.as_str()),
            Some("Alert (unknown_ca)")
        );
        assert_eq!(round_trips(&records, &m), None);
    }
}
