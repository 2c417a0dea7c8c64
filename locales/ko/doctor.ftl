# `synack doctor` (src/cli/doctor.rs, src/deck/doctor.rs). JSON에는 문제의
# 이유가 코드로 남고, 여기 있는 것은 화면에 쓰는 말입니다.

doctor-line = { $path }:{ $line }: { $reason }: { $front } ({ $detail })
doctor-none = 손볼 카드가 없습니다.
doctor-count = 문제 { $count }건
doctor-reason-too-long = 너무 긴 카드
doctor-reason-nothing-to-recall = 떠올릴 것 없음
doctor-reason-open-question = 열린 질문
doctor-reason-near-duplicate = 거의 중복
doctor-reason-self-talk = 혼잣말
doctor-reason-demo-cannot-run = 실행할 수 없는 데모
doctor-detail-open-question = 노트에 아직 답이 없습니다
doctor-detail-self-talk = 앞면이 질문이 아니라 혼잣말처럼 읽힙니다
doctor-detail-too-long = 빈 줄이 아닌 줄 { $lines }줄 ({ $max }줄 초과)
doctor-detail-images-only = 이미지뿐
doctor-detail-links-only = 링크뿐
doctor-detail-images-and-links-only = 이미지와 링크뿐
doctor-detail-unknown-demo = demo:{ $name }은(는) 없는 데모입니다 (`synack demo list` 참고)
doctor-detail-near-duplicate = 덱 { $deck }의 { $path }:{ $line }와(과) { $percent }% 비슷합니다
doctor-reason-parallel-list = 나란한 목록
doctor-detail-parallel-list = 이름 붙은 항목 { $count }개 ({ $terms }…): 절에 `<!-- synack: split -->`을 넣으면 항목마다 카드가 됩니다
