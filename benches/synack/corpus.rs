//! A deterministic synthetic corpus: folders of Markdown notes in the shapes
//! the importer understands, Korean and English mixed, 50 cards per file.
//!
//! Every file is generated from its own seed (`GENERATOR_VERSION`, file
//! index), so a file can be regenerated or edited alone and two runs write
//! byte-identical corpora. The words below are made up for the benchmark.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chacha20::ChaCha8Rng;
use chacha20::rand_core::{Rng, SeedableRng};

/// Bumped whenever the generated text changes, so cached corpora and
/// databases built from an older generator are not reused.
pub const GENERATOR_VERSION: u32 = 1;

/// Cards in each generated file: 5 sections of 10 cards.
pub const CARDS_PER_FILE: usize = 50;
const SECTIONS: usize = 5;

/// Files per folder, so the corpus is a tree as real notes are.
const FILES_PER_FOLDER: usize = 100;

const KO_TERMS: &[&str] = &[
    "혼잡 윈도우",
    "수신 버퍼",
    "재전송 타이머",
    "세그먼트",
    "핸드셰이크",
    "라우팅 테이블",
    "서브넷 마스크",
    "캐시 검증",
    "프록시 서버",
    "로드 밸런서",
    "인증서 체인",
    "세션 재개",
    "연결 풀",
    "패킷 손실",
    "지연 시간",
    "대역폭",
    "멀티플렉싱",
    "흐름 제어",
    "이름 해석",
    "쿠키 속성",
];

const EN_TERMS: &[&str] = &[
    "congestion window",
    "receive buffer",
    "retransmission timeout",
    "sequence number",
    "keep-alive",
    "head-of-line blocking",
    "slow start",
    "name server",
    "reverse proxy",
    "certificate pinning",
    "connection reuse",
    "path MTU",
    "nagle delay",
    "zero RTT",
    "stream priority",
    "preflight request",
];

const KO_VERBS: &[&str] = &[
    "을 줄이면 처리량이 달라집니다",
    "은 상대가 보낸 데이터를 기다리는 동안 쓰입니다",
    "이 커지면 대기열이 길어집니다",
    "은 운영체제가 관리합니다",
    "을 측정해 다음 값을 정합니다",
    "은 장애가 나면 먼저 확인할 곳입니다",
    "이 없으면 같은 요청을 다시 보내야 합니다",
];

const EN_VERBS: &[&str] = &[
    "changes how fast the sender may go",
    "is kept per connection by the kernel",
    "grows until a loss is detected",
    "is checked before the response is reused",
    "adds one round trip on a cold start",
    "hides the servers behind one address",
];

const QUESTION_ENDINGS: &[&str] = &[
    "은 무엇이고 왜 필요한가요?",
    "의 동작 과정을 설명해 주세요.",
    "과 비교했을 때 장단점은?",
    "이 문제가 되는 경우는 언제인가요?",
];

struct Gen {
    rng: ChaCha8Rng,
}

impl Gen {
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.rng.next_u32() as usize % list.len()]
    }

    fn below(&mut self, n: u32) -> u32 {
        self.rng.next_u32() % n
    }

    /// One sentence, Korean or English.
    fn sentence(&mut self) -> String {
        if self.below(3) == 0 {
            let t = self.pick(EN_TERMS);
            let v = self.pick(EN_VERBS);
            format!("The {t} {v}.")
        } else {
            let t = self.pick(KO_TERMS);
            let v = self.pick(KO_VERBS);
            let en = self.pick(EN_TERMS);
            format!("{t}({en}){v}.")
        }
    }

    fn paragraph(&mut self, sentences: u32) -> String {
        (0..sentences)
            .map(|_| self.sentence())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The text of file `index`; `edit` > 0 rewrites one answer (the 1% edit).
pub fn note(index: usize, edit: u32) -> String {
    let seed = (u64::from(GENERATOR_VERSION) << 32) ^ index as u64;
    let mut g = Gen {
        rng: ChaCha8Rng::seed_from_u64(seed),
    };
    let folder = index / FILES_PER_FOLDER;
    let mut s = String::with_capacity(16 * 1024);
    // Several files share a deck, as notes on one subject often do; the
    // unique tag `n{index}` keeps every front distinct within its deck.
    let _ = writeln!(s, "# 네트워크 노트 {folder} · Network notes {folder}\n");
    for sec in 0..SECTIONS {
        let id = format!("n{index}s{sec}");
        let topic = g.pick(KO_TERMS);
        // A topic heading with bullets of its own: a `topic` card.
        let _ = writeln!(s, "## {topic} {id}\n");
        for _ in 0..2 + g.below(3) {
            let _ = writeln!(s, "- {}", g.sentence());
        }
        s.push('\n');
        // Two Q:/A: pairs and two `::` lines inside the topic: `qa` cards.
        for k in 0..2 {
            let term = g.pick(KO_TERMS);
            let _ = writeln!(s, "Q: {id}q{k} {term}{}", g.pick(QUESTION_ENDINGS));
            let _ = writeln!(s, "A: {}\n", g.paragraph(2));
        }
        for k in 0..2 {
            let term = g.pick(EN_TERMS);
            let _ = writeln!(
                s,
                "What does the {term} do in {id}c{k}? :: {}\n",
                g.sentence()
            );
        }
        // Four question headings with answers: `question` cards.
        for k in 0..4 {
            let term = g.pick(KO_TERMS);
            let _ = writeln!(s, "### {id}h{k} {term}{}\n", g.pick(QUESTION_ENDINGS));
            let sentences = 2 + g.below(3);
            let _ = writeln!(s, "{}\n", g.paragraph(sentences));
            match g.below(3) {
                0 => {
                    for _ in 0..3 {
                        let _ = writeln!(s, "- **{}**: {}", g.pick(EN_TERMS), g.sentence());
                    }
                    s.push('\n');
                }
                1 => {
                    let _ = writeln!(
                        s,
                        "| 항목 | 설명 |\n|---|---|\n| {} | {} |\n| {} | {} |\n",
                        g.pick(KO_TERMS),
                        g.sentence(),
                        g.pick(EN_TERMS),
                        g.sentence()
                    );
                }
                _ => {
                    let _ = writeln!(
                        s,
                        "```text\nclient -> server: {}\nserver -> client: {}\n```\n",
                        g.pick(EN_TERMS),
                        g.pick(EN_TERMS)
                    );
                }
            }
            if sec == 0 && k == 0 && edit > 0 {
                let _ = writeln!(s, "수정 {edit}: {}\n", g.sentence());
            }
        }
        // A question heading with no answer yet: an `open` card.
        let term = g.pick(KO_TERMS);
        let _ = writeln!(s, "### {id}o {term}{}\n", g.pick(QUESTION_ENDINGS));
    }
    s
}

/// Where file `index` lives under the corpus root.
pub fn file_path(root: &Path, index: usize) -> PathBuf {
    root.join(format!("topic-{:03}", index / FILES_PER_FOLDER))
        .join(format!("note-{index:05}.md"))
}

/// Writes `files` notes under `root` (which must not exist yet).
pub fn write(root: &Path, files: usize) -> std::io::Result<()> {
    for i in 0..files {
        let path = file_path(root, i);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(path, note(i, 0))?;
    }
    Ok(())
}

/// The files the 1% edit touches: every hundredth.
pub fn edited_files(files: usize) -> Vec<usize> {
    (0..files).step_by(100).collect()
}
