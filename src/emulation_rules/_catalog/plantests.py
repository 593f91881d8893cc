"""Messages of the plantests area (see the package docstring): plan tests written as data
(``emulation-rules test``, :mod:`emulation_rules.plan_tests`)."""

from __future__ import annotations

from . import Entry, M

_IDS = "ids are shown as written (unit, window, criterion, target, award); keep them as they are"

MESSAGES: tuple[Entry, ...] = (
    # ----- the command line -----
    M("plantests.cli.help",
      "chạy các trường hợp kiểm thử kế hoạch viết dưới dạng dữ liệu (các tệp YAML như "
      "tests/plans/): so kết luận và khen thưởng với kết quả mong đợi",
      "run plan tests written as data (YAML files such as tests/plans/): compare the verdicts "
      "and awards with those expected"),
    M("plantests.cli.help.paths",
      "tệp kiểm thử (.yaml), thư mục (mọi tệp .yaml trong đó) hoặc mẫu tên tệp",
      "a test file (.yaml), a folder (every .yaml file in it) or a file pattern"),
    M("plantests.cli.help.format", "định dạng kết quả: text hoặc json",
      "the output format: text or json"),
    M("plantests.cli.help.schema",
      "in JSON Schema của tệp kiểm thử kế hoạch (cho trình soạn thảo) rồi thoát",
      "print the JSON Schema of plan test files (for editors) and exit"),
    M("plantests.cli.no-path", "hãy ghi ít nhất một tệp kiểm thử hoặc một thư mục",
      "give at least one test file or folder"),
    M("plantests.cli.not-found",
      "không có tệp kiểm thử nào ở '{path}' (cần tệp .yaml, thư mục chứa tệp .yaml, hoặc mẫu "
      "tên tệp khớp với tệp có thật)",
      "no test file at '{path}' (a .yaml file, a folder holding .yaml files, or a pattern "
      "matching real files)"),
    # ----- the format (the model's own checks) -----
    M("plantests.cell.one-value",
      "một ô chỉ chứa một giá trị (số, chữ, có/không hoặc để trống), không phải danh sách "
      "hay ánh xạ",
      "a cell holds one value (a number, a text, yes/no, or nothing), not a list or a mapping"),
    M("plantests.model.criterion-or-target",
      "ghi criterion (tiêu chí) hoặc target (chỉ tiêu) mà kết luận này nói tới",
      "name the criterion or the target this verdict is about"),
    M("plantests.model.observed-needs-target",
      "observed (giá trị ghi nhận) chỉ dùng cho một chỉ tiêu: ghi thêm target",
      "observed (the value found) applies to a target: add target"),
    M("plantests.model.award-expectation",
      "ghi hoặc unit và verdict (kết luận cho một đơn vị), hoặc eligible (danh sách mọi đơn "
      "vị đủ điều kiện), không ghi cả hai",
      "give either unit and verdict (one unit's verdict) or eligible (the list of every unit "
      "eligible), not both"),
    M("plantests.model.nothing-expected",
      "trường hợp chưa có kết quả mong đợi nào: ghi ít nhất một mục trong verdicts, awards "
      "hoặc awards_at_review",
      "the case expects nothing: give at least one item under verdicts, awards or "
      "awards_at_review"),
    M("plantests.model.review-needed",
      "để kiểm tra khen thưởng, ghi review: lần sơ kết, tổng kết được xét (final, phase_1, "
      "year:2026, stage:2026-2030)",
      "to check awards, give the review they are read at (final, phase_1, year:2026, "
      "stage:2026-2030)"),
    # ----- the file and its plan -----
    M("plantests.unreadable", "không đọc được tệp kiểm thử: {reason}",
      "cannot read the test file: {reason}"),
    M("plantests.not-a-mapping",
      "tệp kiểm thử không phải một ánh xạ: bắt đầu bằng plan: và cases:, sát lề trái",
      "the test file is not a mapping: start it with plan: and cases:, at the left margin"),
    M("plantests.cannot-read", "không dựng được tệp kiểm thử từ dữ liệu: {problem}",
      "the test file cannot be built from its data: {problem}"),
    M("plantests.template-plan",
      "'{plan}' là kế hoạch mẫu, không tự đánh giá được: kiểm thử một kế hoạch kế thừa nó",
      "'{plan}' is a template, never evaluated on its own: test a plan that extends it"),
    M("plantests.plan-invalid",
      "kế hoạch '{plan}' có lỗi (xem các dòng dưới): sửa kế hoạch trước rồi chạy lại kiểm thử",
      "plan '{plan}' has errors (see below): correct the plan, then run the tests again"),
    # ----- a case: what cannot be run or compared -----
    M("plantests.cannot-evaluate", "không đánh giá được trường hợp này: {problem}",
      "this case cannot be evaluated: {problem}"),
    M("plantests.issued.hint",
      "ghi ngày ban hành kế hoạch ở khóa issued: của trường hợp (2024-09-01 hoặc 01/09/2024)",
      "give the plan's issue date under the case's issued: key (2024-09-01 or 01/09/2024)"),
    M("plantests.bad-review", "lần đánh giá không dùng được: {problem}",
      "the review cannot be used: {problem}"),
    M("plantests.unknown-unit",
      "đơn vị '{unit}' không có trong units hay metrics của trường hợp này",
      "unit '{unit}' is not among this case's units or metrics", _IDS),
    M("plantests.units-hint", "các đơn vị của trường hợp: {units}",
      "the case's units: {units}", _IDS),
    M("plantests.unknown-window",
      "kế hoạch {plan} không có kỳ '{window}' (với ngày ban hành và ngày xét đã ghi); các kỳ "
      "là: {windows}",
      "plan {plan} has no window '{window}' (with the issue and as-of dates given); its "
      "windows are: {windows}", _IDS),
    M("plantests.unknown-criterion",
      "kế hoạch {plan} không có tiêu chí '{criterion}' được đánh giá từ số liệu (tiêu chí có "
      "chỉ tiêu, hoặc hình thức khen thưởng có điều kiện tính từ số liệu)",
      "plan {plan} has no criterion '{criterion}' decided from the data (a criterion with "
      "targets, or an award with conditions decided from the data)", _IDS),
    M("plantests.unknown-target", "không có chỉ tiêu '{target}' {where}",
      "there is no target '{target}' {where}", "where: in-criterion or in-plan"),
    M("plantests.in-criterion", "trong tiêu chí {criterion}", "in criterion {criterion}"),
    M("plantests.in-plan", "trong kế hoạch {plan}", "in plan {plan}"),
    M("plantests.ambiguous-target", "chỉ tiêu '{target}' có ở nhiều tiêu chí: {criteria}",
      "target '{target}' is in several criteria: {criteria}", _IDS),
    M("plantests.ambiguous-target.hint", "ghi thêm criterion để chỉ rõ tiêu chí",
      "add criterion to say which"),
    M("plantests.unknown-award", "kế hoạch {plan} không có hình thức khen thưởng '{award}'",
      "plan {plan} has no award '{award}'", _IDS),
    M("plantests.unknown-standard",
      "hình thức khen thưởng {award} không có tiêu chuẩn '{standard}'",
      "award {award} has no standard '{standard}'", _IDS),
    M("plantests.none", "(không có)", "(none)"),
    # ----- the report -----
    M("plantests.file-head", "{file}: kế hoạch {plan}, {cases} trường hợp",
      "{file}: plan {plan}, {cases} case(s)"),
    M("plantests.file-problems", "{file}: không chạy được tệp kiểm thử",
      "{file}: the test file cannot be run"),
    M("plantests.status.pass", "ĐÚNG", "PASS", "a case whose results are those expected"),
    M("plantests.status.fail", "SAI", "FAIL", "a case whose results differ from those expected"),
    M("plantests.status.error", "LỖI", "ERROR",
      "a case that cannot be run or compared: a problem in the test file"),
    M("plantests.case-line", "{status}  {name} ({where}, mục {section})",
      "{status}  {name} ({where}, section {section})",
      "status: ĐÚNG/SAI/LỖI; where: file:line; section: of the source document"),
    M("plantests.subject.criterion", "đơn vị {unit}, kỳ {window}, tiêu chí {criterion}",
      "unit {unit}, window {window}, criterion {criterion}", _IDS),
    M("plantests.subject.target",
      "đơn vị {unit}, kỳ {window}, tiêu chí {criterion}, chỉ tiêu {target}",
      "unit {unit}, window {window}, criterion {criterion}, target {target}", _IDS),
    M("plantests.subject.observed",
      "đơn vị {unit}, kỳ {window}, chỉ tiêu {target}: giá trị ghi nhận",
      "unit {unit}, window {window}, target {target}: the value found", _IDS),
    M("plantests.subject.award", "{award} (xét {review}), đơn vị {unit}",
      "{award} (review {review}), unit {unit}", _IDS),
    M("plantests.subject.award-standard",
      "{award} (xét {review}), tiêu chuẩn {standard}, đơn vị {unit}",
      "{award} (review {review}), standard {standard}, unit {unit}", _IDS),
    M("plantests.subject.eligible", "{award} (xét {review}): các đơn vị đủ điều kiện",
      "{award} (review {review}): the units eligible", _IDS),
    M("plantests.subject.awards-at-review",
      "các hình thức khen thưởng được xét ở lần {review}",
      "the awards considered at review {review}", _IDS),
    M("plantests.expected", "mong đợi: {value}", "expected: {value}"),
    M("plantests.got", "thực tế:  {value}", "got:      {value}",
      "aligned with plantests.expected (the value starts in the same column)"),
    M("plantests.why.no-value", "không có giá trị", "no value"),
    M("plantests.why.no-result",
      "không có kết quả (đơn vị không được đánh giá ở kỳ này theo tiêu chí này)",
      "no result (the unit is not evaluated on this in this window)"),
    M("plantests.why.not-at-review", "không được xét ở lần đánh giá này",
      "not considered at this review"),
    M("plantests.why.not-a-candidate", "đơn vị không phải ứng viên",
      "the unit is not a candidate"),
    M("plantests.detail.target", "chỉ tiêu {target}: {verdict}{observed}{missing}",
      "target {target}: {verdict}{observed}{missing}",
      "observed and missing are the optional parts detail.observed and detail.missing"),
    M("plantests.detail.observed", ", giá trị {value}", ", value {value}"),
    M("plantests.detail.missing", ", thiếu số liệu tháng {months}",
      ", months without data: {months}"),
    M("plantests.detail.condition", "điều kiện {condition}: {verdict} ({detail})",
      "condition {condition}: {verdict} ({detail})"),
    M("plantests.summary",
      "Kiểm thử kế hoạch: {files} tệp, {cases} trường hợp: {passed} đúng, {failed} sai, "
      "{errors} có lỗi trong tệp kiểm thử.",
      "Plan tests: {files} file(s), {cases} case(s): {passed} passed, {failed} failed, "
      "{errors} with problems in the test file."),
)
