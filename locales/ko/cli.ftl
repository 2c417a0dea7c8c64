# 명령줄 도움말 (src/cli/*.rs, sim::Common): 명령마다 요약과 자세한 설명,
# 인자와 값마다 도움말.

cli-about = synack: 내 Markdown 노트로 만드는 네트워크 면접 플래시카드
cli-db = 데이터베이스 파일 [기본값: $SYNACK_DB, 없으면 플랫폼의 데이터 폴더]
cli-color = 출력에 색을 쓸 때
cli-width = N열 너비에 맞춰 출력 [기본값: 터미널 너비, 없으면 $COLUMNS, 없으면 80]
cli-color-auto = 터미널에 쓰고 NO_COLOR가 없을 때 색을 씁니다
cli-quiz-about = 오늘의 퀴즈: 떠올리고, 답을 보고, 평가합니다. 언제 멈춰도 잃는 것이 없습니다
cli-import-about = Markdown이나 텍스트 노트를 덱으로 가져오기 (파일 또는 폴더, 하위 폴더까지)
cli-cards-about = 카드 목록
cli-show-about = 카드 하나 보기: 앞면, 뒷면, 출처, 태그
cli-suspend-about = `synack unsuspend`로 되돌릴 때까지 카드를 학습에서 빼기 (보류)
cli-unsuspend-about = 보류한 카드를 다시 학습에 넣기
cli-answer-about = 카드 하나에 지금 답을 기록 (퀴즈가 카드마다 하는 일; 스크립트용)
cli-simulate-about = 카드 하나의 가정 계산: 복습 목록을 거친 뒤의 FSRS 기억 상태와 간격
cli-config-about = 스케줄링 설정 보기와 바꾸기 (기억 유지율, 단계, 한도 등)
cli-due-about = 오늘의 개수 (새 카드, 학습 중, 복습)와 30일 동안의 예정 예측
cli-demo-about = 프로토콜 데모 실행 (TCP, IP, DNS, TLS, HTTP 등); `demo list`로 목록을 봅니다
cli-exercise-about = 데모가 내고 채점하는 연습 문제: 목록, 한 문제 풀기 (--seed), 답 확인 (--check)
cli-export-about = 데이터베이스를 JSON 백업, CSV, Anki 가져오기 파일, FSRS 복습 기록으로 내보내기
cli-restore-about = JSON 백업을 빈 데이터베이스에 복원하거나 --merge로 합치기
cli-stats-about = 학습 통계: 기억 유지율, 연속 학습일, 주제, 복습 히트맵, 예측
cli-report-about = 학습 보고서를 Markdown이나 독립 HTML 파일로 쓰기
cli-optimize-about = 내 복습 기록에 FSRS-6 매개변수를 맞추기 (저장 전에 묻습니다)
cli-doctor-about = 작성자가 손볼 카드를 FILE:LINE과 이유와 함께 보여 줍니다
cli-import-paths = 노트 파일이나 폴더 (폴더에서는 .md, .markdown, .txt를 읽습니다)
cli-import-builtin = synack에 들어 있는 덱도 가져오기
cli-import-json = 보고서를 JSON으로 출력
cli-import-lossy = 올바른 UTF-8이 아닌 파일도 잘못된 바이트를 U+FFFD로 바꿔 읽기
cli-import-cloze-bold = 목록 항목의 굵은 글씨마다 빈칸 카드로 만들기 (front matter `cloze: bold`와 같음)
cli-import-deck = 가져오는 모든 노트를 덱 NAME에 넣기 (front matter `deck:`과 `#` 제목보다 우선)
cli-cards-deck = 이 덱만 (정확한 이름 또는 하나로 정해지는 이름 일부)
cli-cards-tag = 이 태그가 있는 카드만
cli-cards-search = 앞면이나 뒷면에 TEXT가 있는 카드만
cli-cards-suspended = 학습에서 빠진 카드만: 보류했거나 노트에서 사라진 카드
cli-cards-format = 출력 형식
cli-show-id = 카드 id (`synack cards`로 확인)
cli-show-format = 출력 형식
cli-show-demo = 카드를 보여 준 뒤 카드의 N번째 데모 실행 (카드 아래 번호; 기본 1)
cli-quiz-deck = 이 덱만 (정확한 이름 또는 하나로 정해지는 이름 일부)
cli-quiz-tag = 이 태그가 있는 카드만
cli-quiz-new = 이번 세션의 새 카드 수 (오늘 한도에 남은 수 대신)
cli-quiz-limit = 이번 세션의 복습 수 (오늘 한도에 남은 수 대신; --cram과 함께면 벼락치기할 카드 수) [cram 기본값: 50]
cli-quiz-cram = 예정이 아닌 카드를 회상 확률이 낮은 순서로 학습 (스케줄은 바꾸지 않음)
cli-quiz-until = 이번 세션은 exam_date 설정 대신 DATE (YYYY-MM-DD)를 목표로 학습: 그날의 예상 회상률 순서로 복습하고, 그때까지 잊을 만한 카드를 앞당깁니다
cli-quiz-interview = 면접 모드 (소리 내어 답하는 질문용): 앞면과 타이머, 이어서 뒷면의 요점을 답한 만큼 표시 (`1 3`, `all`, `none`); 답한 비율로 평가를 제안합니다 (50% 미만 다시, 75% 미만 어려움, 전부가 아니면 알맞음, 전부면 쉬움; Enter로 받아들임); 다음으로 꼬리 질문 (카드의 하위 제목, `follow-up:` 줄)이 나옵니다
cli-quiz-format = 출력: text는 사람용, json은 한 줄에 이벤트 객체 하나
cli-answer-id = 카드 id (`synack cards`로 확인)
cli-answer-rating = 평가: again, hard, good, easy (또는 1-4)
cli-answer-typed = 입력한 답 (복습 기록에 함께 남김)
cli-answer-seconds = 카드에 쓴 시간 (초)
cli-answer-format = 출력 형식
cli-simulate-reviews = DAYS:RATING 항목으로 쓴 복습 목록, 예: "0:good 3:good 8:again 9:good"
cli-simulate-retention = 이번 계산의 목표 기억 유지율 (0.70-0.97) [기본값: 설정된 값]
cli-simulate-format = 출력 형식
cli-config-get-about = 설정 하나 출력
cli-config-key = 설정 이름 (`synack config`로 목록을 봅니다)
cli-config-value = 새 값
cli-config-get-deck = 덱 하나의 new_per_day 또는 reviews_per_day 값
cli-config-set-about = 설정 하나 바꾸기
cli-config-set-deck = 이 덱의 한도만 설정 (new_per_day, reviews_per_day)
cli-config-unset-about = 기본값으로 되돌리기 (--deck과 함께면 전체 한도로)
cli-config-unset-deck = 이 덱의 한도를 지우기
cli-due-deck = 이 덱만 (정확한 이름 또는 하나로 정해지는 이름 일부)
cli-due-until = 대신 DATE (YYYY-MM-DD)의 예상 회상률: 전체와 주제별, 그리고 그날을 목표로 하루 N장씩 학습했을 때 (시드를 쓰는 FSRS 시뮬레이션)
cli-due-format = 출력 형식
cli-stats-deck = 이 덱만 (정확한 이름 또는 하나로 정해지는 이름 일부)
cli-stats-tag = 이 태그가 있는 카드만
cli-stats-format = 출력 형식
cli-report-format-md = 표가 있는 Markdown
cli-report-format-html = 차트가 있는 독립 HTML 파일 하나
cli-report-format = md 또는 html
cli-report-out = 표준 출력 대신 이 파일에 쓰기
cli-report-force = --out 파일이 있으면 덮어쓰기
cli-report-deck = 이 덱만 (정확한 이름 또는 하나로 정해지는 이름 일부)
cli-report-tag = 이 태그가 있는 카드만
cli-optimize-yes = 맞춘 매개변수를 묻지 않고 저장
cli-export-format = 내보낼 형식
cli-export-out = 표준 출력 대신 이 파일에 쓰기
cli-export-deck = 이 덱만 (정확한 이름 또는 하나로 정해지는 이름 일부)
cli-export-tag = 이 태그가 있는 카드만
cli-export-force = --out 파일이 있으면 덮어쓰기
cli-restore-file = 백업 파일 (`synack export --format json`으로 만든 것)
cli-restore-merge = 이미 데이터가 있는 데이터베이스에 없는 것만 더하기
cli-doctor-format = 출력 형식
cli-exercise-name = `list` 또는 템플릿 이름 (예: handshake/next-state)
cli-exercise-seed = 매개변수의 시드: 같은 시드면 같은 문제
cli-exercise-check = 묻는 대신 ANSWER를 모델의 답과 비교
cli-exercise-format = 출력 형식
cli-suspend-ids = 카드 id (`synack cards`로 확인)
cli-suspend-deck = 이 덱의 모든 카드 (정확한 이름 또는 하나로 정해지는 이름 일부)
cli-suspend-tag = 이 태그가 있는 모든 카드
cli-suspend-search = 앞면이나 뒷면에 TEXT가 있는 모든 카드
cli-suspend-leeches = `leech` 태그가 붙은 모든 카드 (leech_threshold번 실패한 거머리 카드)
cli-demo-argv = `list` 또는 데모 이름과 그 옵션
cli-demo-list-format = 출력 형식
cli-demo-common-seed = 모든 무작위 선택(ISN, 포트)의 시드: 같은 시드면 같은 실행
cli-demo-common-format = 출력 형식
cli-demo-common-step = 단계마다 Enter를 기다리기 (터미널에서만)
cli-demo-format-text = 사람이 읽는 출력: 다이어그램, 표, 설명
cli-demo-format-json = 같은 내용을 담은 JSON 문서 하나 (도구와 테스트용)

cli-quiz-long-about =
    오늘의 큐를 차례로 풉니다: 예정된 학습 중 카드, 그다음 복습 카드 (가장 늦은
    것부터)와 그 사이사이의 새 카드를 하루 한도 안에서 냅니다.

    카드마다 앞면을 읽고, 답을 입력하고 (Enter만 눌러도 됩니다), 참고 답을 본 뒤
    스스로 평가합니다: 1 다시 · 2 어려움 · 3 알맞음 · 4 쉬움. 평가 프롬프트에는
    평가마다 카드가 언제 다시 나올지 나옵니다. 평가는 다음 카드가 나오기 전에
    저장되므로 언제든 멈추고 (Ctrl-C, Ctrl-D, :quit) `synack quiz`로 이어 할 수
    있습니다.

    두 프롬프트에서 쓰는 명령 (Tab으로 완성):
      :demo [N]  카드의 프로토콜 데모 실행        :show     출처, 태그, 기억 상태
      :skip      이 카드를 잠시 건너뛰기          :bury     내일까지 숨기기
      :suspend   큐에서 빼기 (보류)               :undo     마지막 평가 취소
      :edit      $EDITOR로 노트를 열고, 닫으면 다시 가져오기
      :stats     이번 세션의 지금까지             :help     이 목록
      :quit      세션 끝내기

    터미널이 아니면 (stdin이 파이프나 파일이면) 카드마다 두 줄을 읽습니다: 답
    (비어도 됨), 그다음 평가; `:`로 시작하는 줄은 명령입니다. --format json은
    이벤트마다 JSON 객체 한 줄을 씁니다 (도구용).
cli-import-long-about =
    Markdown이나 텍스트 노트를 덱으로 가져옵니다.

    폴더는 하위 폴더까지 .md, .markdown, .txt 파일을 읽습니다 (.git, .obsidian
    같은 숨은 폴더는 건너뜁니다). 카드가 되는 것:
      - 질문 꼴의 제목 (`## TCP와 UDP의 차이는?`, `…설명해 주세요`): 뒷면은 그
        제목 아래 전부;
      - 자기 본문이 있는 다른 제목: 앞면은 제목 경로
        (`네트워크 › OSI 7계층 › 물리 계층`);
      - `Q: … / A: …` 쌍, `질문 :: 답` 줄, Obsidian `?` 블록, 그리고 답이 뒤따르는
        질문 문단이나 인용 블록;
      - 답이 없는 질문 목록 (퀴즈에서 답할 열린 카드);
      - 제목, 요약, `분류 YYYY.MM.DD` 줄로 된 일반 텍스트 목록;
      - 빈칸: `{"{{"}c1::답::힌트{"}}"}` (번호마다 카드 하나), `==강조==`, hashcards의
        `C:` 문단과 `[빈칸]`; --cloze-bold (또는 front matter `cloze: bold`)를
        주면 목록 항목의 굵은 글씨마다.

    다시 가져와도 안전합니다: 덱과 앞면이 그대로인 카드는 id, 스케줄, 기록을
    유지하고, 바뀐 질문은 예전 카드와 짝지어지며, 노트에서 사라진 카드는 지우지
    않고 보류합니다. 바뀌지 않은 파일은 다시 파싱하지 않습니다. 가져오기 전체가
    트랜잭션 하나입니다.
cli-suspend-long-about =
    카드를 학습에서 뺍니다: 보류한 카드는 퀴즈에 나오지 않고 예정에도 세지
    않으며, 스케줄과 기록은 그대로 둡니다. `synack unsuspend`로 되돌립니다.

    카드를 id로 (`synack cards`로 확인) 고르거나 --deck, --tag, --search,
    --leeches로 고릅니다 (함께 주면 모두에 맞는 카드). 없는 카드의 id는 오류이며
    아무것도 바꾸지 않습니다.

    예:
      synack suspend 12 40
      synack suspend --deck http --search cookie
      synack cards --suspended
cli-unsuspend-long-about =
    보류한 카드를 전의 스케줄 그대로 다시 학습에 넣습니다 (`synack suspend`,
    퀴즈의 `:suspend`, 또는 leech_suspend가 켜져 있을 때 거머리 카드로 보류된 것).

    카드를 id로 (`synack cards --suspended`로 확인) 고르거나 --deck, --tag,
    --search, --leeches로 고릅니다 (함께 주면 모두에 맞는 카드). 없는 카드의 id는
    오류이며 아무것도 바꾸지 않습니다.

    노트에서 글이 사라진 카드는 보류가 아니라 그 이유로 학습에서 빠진 것입니다:
    보류를 풀어도 돌아오지 않습니다 (보여 줄 내용이 없으므로). 가져오기에서 그
    글을 다시 찾으면 보류 없이 학습으로 돌아옵니다.

    예:
      synack unsuspend 12
      synack unsuspend --leeches --deck tcp
cli-simulate-long-about =
    카드 하나의 가정 계산: 복습마다 FSRS 기억 상태와 그다음 간격을 보여 줍니다.
    설정된 매개변수와 목표 기억 유지율로 순수한 FSRS 단계만 씁니다 (학습 단계와
    fuzz 없음). "이 카드는 왜 40일 뒤 예정인가?"에 답합니다.

    --reviews의 항목은 DAYS:RATING, 즉 이전 복습 뒤 지난 날수와 평가
    (again|hard|good|easy 또는 1-4)입니다. 첫 항목의 날수는 무시합니다.

    예: synack simulate --reviews "0:good 3:good 8:again 9:good"
cli-demo-after-help =
    데모:
      synack demo list                     모든 데모, 보여 주는 것, 주제
      synack demo handshake --scenario close                  연결 종료
      synack demo arq --compare --drop 3                      ARQ 비교
      synack demo congestion --algorithm reno --loss dupack --loss-at 8
      synack demo tls --fail wrong-host                       인증서 검사 실패
      synack demo cors --method PUT                           preflight

    `synack demo NAME --help`는 데모의 옵션을 보여 줍니다. 모든 데모는 --seed N
    (같은 시드면 같은 출력), --format text|json, --step (한 단계씩: Enter는 다음,
    q는 멈춤)을 받습니다.
cli-exercise-long-about =
    시뮬레이터가 내고 채점하는 연습 문제입니다. 템플릿마다 데모가 하나 있고
    --seed에서 새 매개변수를 뽑습니다. 데모의 모델이 답을 내고 내 답을 확인합니다
    (대소문자, 공백, 구분자, 한국어 단어를 맞춥니다: SYN,ACK = SYN+ACK = SYN-ACK,
    예 = yes).
cli-exercise-after-help =
    예:
      synack exercise list                                    템플릿 목록
      synack exercise handshake/next-state --seed 7
      synack exercise handshake/next-state --seed 7 --check "CLOSE-WAIT, ACK"
      synack exercise uri/same-origin --seed 3 --format json

    종료 상태: 답을 확인했으면 (정답이든 오답이든) 0, 없는 템플릿이면 1, 옵션이
    잘못되었으면 2.
cli-export-long-about =
    데이터베이스를 다른 형식으로 표준 출력이나 --out에 씁니다.

      json    `synack restore`용 전체 백업 (카드, 스케줄, 복습, 세션, 설정),
              한 줄에 레코드 하나
      csv     스프레드시트용, 카드 하나에 한 행 (UTF-8, RFC 4180)
      anki    Anki의 File > Import용 텍스트 파일 (두 번째 가져오기에서 노트 갱신)
      revlog  FSRS optimizer의 CSV 스키마로 쓴 복습 기록

    --deck과 --tag는 일부 카드 (와 그 복습)만 남깁니다. 이것으로 만든 json
    내보내기는 부분 백업으로 표시되고 --merge로만 복원할 수 있습니다.
cli-restore-long-about =
    `synack export --format json`으로 쓴 JSON 백업을 불러옵니다.

    빈 데이터베이스 (예: --db로 준 새 파일)에는 모든 것을 같은 id로 트랜잭션
    하나에 복원합니다. 이미 데이터가 있는 데이터베이스는 --merge가 없으면 건드리지
    않습니다. --merge는 없는 노트, 카드, 세션, 복습을 더하고, 카드의 스케줄은
    백업 쪽 복습이 더 최근일 때만 백업에서 가져옵니다.
cli-doctor-long-about =
    작성자가 손볼 카드를 FILE:LINE, 이유, 카드 앞면과 함께 보여 줍니다:
      - 너무 긴 카드: 빈 줄이 아닌 줄이 15줄이 넘는 뒷면 (표 하나나 코드 블록
        하나는 예외);
      - 떠올릴 것 없음: 이미지, 링크, 참조뿐인 뒷면;
      - 열린 질문: 노트에 아직 답이 없는 질문;
      - 거의 중복: 다른 덱의 카드와 85% 이상 비슷한 카드;
      - 혼잣말: 질문이 아니라 생각을 소리 내어 말하는 듯한 앞면;
      - 실행할 수 없는 데모: synack에 없는 데모로 가는 demo: 링크.
    보류한 카드와 노트에서 사라진 카드는 뺍니다. 아무것도 바꾸지 않으며, 퀴즈의
    `:edit`는 카드의 줄에서 노트를 엽니다.
cli-after-help =
    환경 변수:
      SYNACK_DB    --db가 없을 때의 데이터베이스 파일
      SYNACK_NOW   시계 대신 쓰는 RFC 3339 시각 (예: 2026-11-21T09:00:00+09:00)
      NO_COLOR     설정하면 색을 끕니다
      COLUMNS      터미널이 아닐 때 출력 너비 (--width가 우선)

    데이터베이스는 --db나 SYNACK_DB가 없으면 $XDG_DATA_HOME/synack/synack.db
    (~/.local/share/synack/synack.db)에 있습니다. 처음 쓸 때 함께 들어 있는 덱으로
    채웁니다.
cli-config-set-after-help =
    예:
      synack config set desired_retention 0.85
      synack config set learning_steps "1m 10m 1h"
      synack config set new_per_day 5 --deck http   # HTTP 새 카드는 하루 5장까지

    덱 한도는 전체 한도와 함께 적용됩니다: new_per_day 20에 한 덱의 new_per_day가
    5면, 하루 새 카드는 최대 20장이고 그중 5장까지 그 덱에서 나옵니다.
cli-demo-list-about = 데모 목록
cli-show-open-images = 카드 뒷면의 이미지 중 노트 옆에 있는 파일을 $SYNACK_VIEWER나 시스템 뷰어로 엽니다
