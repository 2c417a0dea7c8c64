//! The zone data the demo's servers answer from (`data/dns/zones.txt`), and
//! how one name server answers a query from its zone (RFC 1034 §4.3.2):
//! an authoritative answer (AA) with any in-zone CNAME chain, a referral to
//! a child zone with glue, NXDOMAIN or NODATA with the zone's SOA (RFC 2308),
//! and truncation (TC) when a UDP answer passes 512 bytes (RFC 1035 §4.2.1).
//!
//! Pure: messages in, messages out; the runner puts them on sockets.

use std::net::Ipv4Addr;
use std::str::FromStr;

use hickory_proto::op::{Message, MessageType, OpCode, ResponseCode};
use hickory_proto::rr::rdata::{A, CNAME, NS, SOA};
use hickory_proto::rr::{Name, RData, Record, RecordType};

/// The zone file shipped with the demo.
pub const ZONES: &str = include_str!("../../../../data/dns/zones.txt");

/// The largest DNS message over UDP without EDNS (RFC 1035 §4.2.1).
pub const UDP_LIMIT: usize = 512;

/// One name server's data.
#[derive(Debug, Clone)]
pub struct Server {
    /// `root`, `tld` or `authoritative`.
    pub role: String,
    /// The 127/8 address its glue names.
    pub address: Ipv4Addr,
    /// Its own host name, as NS records name it.
    pub host: Name,
    /// The zone it is authoritative for.
    pub apex: Name,
    pub records: Vec<Record>,
    /// Answers to rotate for round robin (BIND's `rrset-order cyclic`).
    pub rotate: bool,
}

fn name(text: &str, line: usize) -> Result<Name, String> {
    Name::from_str(text).map_err(|e| format!("zones.txt line {line}: name {text:?}: {e}"))
}

/// Parses the zone file: `@ ROLE ADDRESS HOST APEX` starts a server, then
/// `OWNER TTL TYPE DATA` lines are its records.
pub fn parse(text: &str) -> Result<Vec<Server>, String> {
    let mut servers: Vec<Server> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let words: Vec<&str> = raw
            .split('#')
            .next()
            .unwrap_or_default()
            .split_whitespace()
            .collect();
        match words.as_slice() {
            [] => {}
            ["@", role, address, host, apex] => servers.push(Server {
                role: role.to_string(),
                address: address
                    .parse()
                    .map_err(|e| format!("zones.txt line {line}: address: {e}"))?,
                host: name(host, line)?,
                apex: name(apex, line)?,
                records: Vec::new(),
                rotate: false,
            }),
            [owner, ttl, kind, data @ ..] => {
                let server = servers
                    .last_mut()
                    .ok_or_else(|| format!("zones.txt line {line}: a record before any server"))?;
                let ttl: u32 = ttl
                    .parse()
                    .map_err(|e| format!("zones.txt line {line}: TTL: {e}"))?;
                let rdata = match (*kind, data) {
                    ("A", [a]) => RData::A(A(a
                        .parse()
                        .map_err(|e| format!("zones.txt line {line}: A: {e}"))?)),
                    ("NS", [n]) => RData::NS(NS(name(n, line)?)),
                    ("CNAME", [n]) => RData::CNAME(CNAME(name(n, line)?)),
                    ("SOA", [m, r, nums @ ..]) if nums.len() == 5 => {
                        let n: Vec<u32> = nums
                            .iter()
                            .map(|s| s.parse::<u32>())
                            .collect::<Result<_, _>>()
                            .map_err(|e| format!("zones.txt line {line}: SOA: {e}"))?;
                        RData::SOA(SOA::new(
                            name(m, line)?,
                            name(r, line)?,
                            n[0],
                            n[1] as i32,
                            n[2] as i32,
                            n[3] as i32,
                            n[4],
                        ))
                    }
                    _ => return Err(format!("zones.txt line {line}: cannot read {raw:?}")),
                };
                server
                    .records
                    .push(Record::from_rdata(name(owner, line)?, ttl, rdata));
            }
            _ => return Err(format!("zones.txt line {line}: cannot read {raw:?}")),
        }
    }
    Ok(servers)
}

impl Server {
    fn find(&self, owner: &Name, kind: RecordType) -> Vec<Record> {
        self.records
            .iter()
            .filter(|r| r.name == *owner && r.record_type() == kind)
            .cloned()
            .collect()
    }

    fn soa(&self) -> Vec<Record> {
        self.find(&self.apex, RecordType::SOA)
    }

    /// The closest child zone delegated below the apex that holds `qname`.
    fn delegation(&self, qname: &Name) -> Option<Name> {
        self.records
            .iter()
            .filter(|r| r.record_type() == RecordType::NS && r.name != self.apex)
            .map(|r| r.name.clone())
            .filter(|cut| cut.zone_of(qname))
            .max_by_key(Name::num_labels)
    }

    /// Answers `query` as this server (RFC 1034 §4.3.2). `turn` rotates a
    /// round-robin answer; `udp` applies the 512-byte limit.
    pub fn answer(&self, query: &Message, turn: usize, udp: bool) -> Message {
        let mut out = Message::response(query.metadata.id, OpCode::Query);
        out.metadata.message_type = MessageType::Response;
        out.metadata.recursion_desired = query.metadata.recursion_desired;
        let Some(q) = query.queries.first() else {
            out.metadata.response_code = ResponseCode::FormErr;
            return out;
        };
        out.add_query(q.clone());
        let qname = q.name().clone();
        if !self.apex.zone_of(&qname) {
            out.metadata.response_code = ResponseCode::Refused;
            return out;
        }
        if let Some(cut) = self.delegation(&qname) {
            // A referral: not authoritative, the child's NS and their glue.
            let ns = self.find(&cut, RecordType::NS);
            for r in &ns {
                if let RData::NS(NS(host)) = &r.data {
                    out.add_additionals(self.find(host, RecordType::A));
                }
            }
            out.add_authorities(ns);
            return self.limit(out, udp);
        }
        out.metadata.authoritative = true;
        let mut owner = qname;
        // Bounded: a CNAME chain inside one zone.
        for _ in 0..8 {
            let mut found = self.find(&owner, q.query_type());
            if !found.is_empty() {
                if self.rotate && found.len() > 1 {
                    let n = turn % found.len();
                    found.rotate_left(n);
                }
                out.add_answers(found);
                return self.limit(out, udp);
            }
            let cname = self.find(&owner, RecordType::CNAME);
            let Some(RData::CNAME(CNAME(target))) = cname.first().map(|r| r.data.clone()) else {
                break;
            };
            out.add_answers(cname);
            if !self.apex.zone_of(&target) {
                return self.limit(out, udp);
            }
            owner = target;
        }
        if !out.answers.is_empty() {
            return self.limit(out, udp);
        }
        let exists = self.records.iter().any(|r| owner.zone_of(&r.name));
        if !exists {
            out.metadata.response_code = ResponseCode::NXDomain;
        }
        out.add_authorities(self.soa());
        self.limit(out, udp)
    }

    fn limit(&self, out: Message, udp: bool) -> Message {
        let size = out.to_vec().map_or(0, |b| b.len());
        if udp && size > UDP_LIMIT {
            // RFC 2181 §9: set TC and leave out what did not fit.
            let mut cut = out.truncate();
            cut.metadata.truncation = true;
            cut
        } else {
            out
        }
    }
}

/// The negative TTL of an NXDOMAIN or NODATA answer: the smaller of the
/// SOA record's own TTL and its MINIMUM field (RFC 2308 §5).
pub fn negative_ttl(soa: &Record) -> Option<u32> {
    match &soa.data {
        RData::SOA(s) => Some(soa.ttl.min(s.minimum)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hickory_proto::op::Query;

    fn servers() -> Vec<Server> {
        parse(ZONES).expect("the shipped zones parse")
    }

    fn ask(server: &Server, qname: &str, udp: bool) -> Message {
        let mut q = Message::query();
        q.add_query(Query::query(Name::from_str(qname).unwrap(), RecordType::A));
        let out = server.answer(&q, 0, udp);
        // What goes on the wire must come back the same.
        let bytes = out.to_vec().unwrap();
        Message::from_vec(&bytes).unwrap()
    }

    fn strings(records: &[Record]) -> Vec<String> {
        records.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn the_root_refers_to_com_with_glue_and_is_not_authoritative() {
        let s = servers();
        let m = ask(&s[0], "www.example.com.", true);
        assert!(!m.metadata.authoritative);
        assert!(m.answers.is_empty());
        assert_eq!(
            strings(&m.authorities),
            ["com. 172800 IN NS a.gtld-servers.test."]
        );
        assert_eq!(
            strings(&m.additionals),
            ["a.gtld-servers.test. 172800 IN A 127.0.0.3"]
        );
    }

    #[test]
    fn the_authoritative_server_answers_with_aa_and_follows_the_cname() {
        let s = servers();
        let m = ask(&s[2], "www.example.com.", true);
        assert!(m.metadata.authoritative);
        assert_eq!(
            strings(&m.answers),
            [
                "www.example.com. 3600 IN CNAME web.example.com.",
                "web.example.com. 300 IN A 192.0.2.10"
            ]
        );
    }

    #[test]
    fn nxdomain_carries_the_soa_and_its_negative_ttl_is_the_minimum() {
        let s = servers();
        let m = ask(&s[2], "nope.example.com.", true);
        assert_eq!(m.metadata.response_code, ResponseCode::NXDomain);
        assert_eq!(m.authorities.len(), 1);
        // SOA TTL 3600, MINIMUM 300: RFC 2308 §5 takes the smaller.
        assert_eq!(negative_ttl(&m.authorities[0]), Some(300));
    }

    #[test]
    fn forty_a_records_do_not_fit_512_bytes_over_udp_but_do_over_tcp() {
        let s = servers();
        let udp = ask(&s[2], "many.example.com.", true);
        assert!(udp.metadata.truncation);
        assert!(udp.to_vec().unwrap().len() <= UDP_LIMIT);
        let tcp = ask(&s[2], "many.example.com.", false);
        assert!(!tcp.metadata.truncation);
        assert_eq!(tcp.answers.len(), 40);
        // 12 header + 22 question + 40 × 16 (compressed owner, A data) = 674.
        assert_eq!(tcp.to_vec().unwrap().len(), 674);
    }

    #[test]
    fn round_robin_rotates_the_answer_by_turn() {
        let mut s = servers();
        s[2].rotate = true;
        let mut q = Message::query();
        q.add_query(Query::query(
            Name::from_str("rr.example.com.").unwrap(),
            RecordType::A,
        ));
        let first: Vec<String> = (0..4)
            .map(|t| s[2].answer(&q, t, true).answers[0].data.to_string())
            .collect();
        assert_eq!(
            first,
            ["192.0.2.21", "192.0.2.22", "192.0.2.23", "192.0.2.21"]
        );
    }

    #[test]
    fn bad_zone_lines_are_named() {
        assert!(parse("x. 1 A 1.2.3.4").unwrap_err().contains("line 1"));
        assert!(
            parse("@ root 127.0.0.2 a. .\n. 1 MX x")
                .unwrap_err()
                .contains("line 2")
        );
    }
}
