# 데모의 틀(`synack demo`, src/cli/demo.rs)과 렌더러가 직접 쓰는 말
# (src/sim/render.rs, src/sim/mod.rs).

demo-list-topics = 주제: { $topics }
demo-step-prompt = [Enter] 다음 · q 끝내기
demo-unknown = 없는 데모입니다: { $name } (`synack demo list`를 보세요)
demo-stopped = 멈췄습니다
demo-no-data = (데이터 없음)
