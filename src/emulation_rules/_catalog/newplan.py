"""Messages of the newplan area (see the package docstring): ``emulation-rules new`` (its help,
its notes and errors, the comments and placeholders of the file it writes) and the words of
the plan JSON Schema that editors show on hover (``schema.*``: a title and a description for
the schema, each definition and each property, read by :mod:`emulation_rules.schema`)."""

from __future__ import annotations

from . import Entry, M

_NEW: tuple[Entry, ...] = (
    # ----- the command -----
    M("new.note.draft",
      "dự thảo: báo cả đợt đã kết thúc trước ngày kiểm tra; bỏ dòng này khi kế hoạch đã ban hành",
      "a draft: also reports a phase that ended before the day it is checked; remove this line "
      "once the plan is issued"),
    M("new.help",
      "viết tệp kế hoạch mới kế thừa một kế hoạch có sẵn, với những chỗ cần điền",
      "write a new plan file that extends another plan, with the places to fill in"),
    M("new.metavar.id", "MÃ", "ID"),
    M("new.help.id",
      "mã của kế hoạch mới, cũng là tên tệp: chữ thường không dấu, chữ số và _, bắt đầu bằng "
      "chữ cái (dak_ha)",
      "the new plan's id, also its file name: lower-case ASCII letters, digits and _, "
      "starting with a letter (dak_ha)"),
    M("new.help.extends",
      "kế hoạch làm nền: mã một kế hoạch có sẵn (kon_plong) hoặc tệp .yaml trong cùng thư mục "
      "với tệp mới; mặc định special_movement_2024, mẫu chung không mang trích dẫn của địa "
      "phương nào",
      "the plan to build on: a bundled plan id (kon_plong) or a .yaml file in the new file's "
      "folder; default special_movement_2024, the shared template, which carries no "
      "locality's citations"),
    M("new.help.output",
      "tệp sẽ ghi (mặc định: MÃ.yaml trong thư mục hiện tại); là một thư mục thì ghi MÃ.yaml "
      "trong đó",
      "the file to write (default: ID.yaml in the current folder); a folder: ID.yaml in it"),
    M("new.help.force", "ghi đè nếu tệp đã có", "overwrite the file if it exists"),
    M("new.written",
      "đã ghi {path} (kế thừa {base}): điền {count} giá trị đang để trong dấu <...>, rồi "
      "kiểm tra bằng: emulation-rules validate {path}",
      "wrote {path} (extends {base}): fill in the {count} values left in <...>, then check "
      "it with: emulation-rules validate {path}"),
    M("new.no-schema",
      "để trình soạn thảo gợi ý và kiểm tra khi gõ, ghi lược đồ cạnh tệp: emulation-rules "
      "schema > {path}",
      "for the editor to suggest and check as you type, write the schema beside it: "
      "emulation-rules schema > {path}"),
    M("new.bad-id",
      "'{id}' không dùng làm mã kế hoạch được: chỉ gồm chữ thường không dấu, chữ số và _, "
      "bắt đầu bằng chữ cái, tối đa 64 ký tự",
      "'{id}' cannot be a plan id: lower-case ASCII letters, digits and _ only, starting with "
      "a letter, at most 64 characters"),
    M("new.bad-id.suggest",
      "'{id}' không dùng làm mã kế hoạch được: chỉ gồm chữ thường không dấu, chữ số và _, "
      "bắt đầu bằng chữ cái; viết {suggestion}",
      "'{id}' cannot be a plan id: lower-case ASCII letters, digits and _ only, starting with "
      "a letter; write {suggestion}"),
    M("new.id-file",
      "tên tệp phải là mã kế hoạch: {id}.yaml (không phải '{name}'), hoặc cho --output một "
      "thư mục",
      "the file name must be the plan id: {id}.yaml (not '{name}'), or give --output a "
      "folder"),
    M("new.self",
      "kế hoạch {id} không kế thừa chính nó được: chọn kế hoạch nền khác bằng --extends",
      "plan {id} cannot extend itself: choose another base with --extends"),
    M("new.base-outside",
      "kế hoạch nền '{base}' phải là mã một kế hoạch có sẵn hoặc tệp .yaml nằm trong thư mục "
      "của tệp mới ('{folder}'), tên chỉ gồm chữ cái không dấu, chữ số, _ và -",
      "the base plan '{base}' must be a bundled plan id or a .yaml file inside the new "
      "file's folder ('{folder}'), named with ASCII letters, digits, _ and - only"),
    M("new.exists",
      "'{path}' đã có: thêm --force để ghi đè, hoặc chọn tệp khác bằng --output",
      "'{path}' already exists: add --force to overwrite it, or choose another file with "
      "--output"),
    M("new.cannot-write", "không ghi được '{path}': {reason}",
      "cannot write '{path}': {reason}"),

    # ----- the file it writes: comments -----
    M("new.file.head",
      "Kế hoạch {id}, soạn trên nền {base}: phần nào tệp này không viết thì lấy nguyên của "
      "{base}. Xem kế hoạch nền bằng lệnh:",
      "Plan {id}, built on {base}: whatever this file does not write is {base}'s, as it is. "
      "See the base plan with:",
      "the comments at the top of the file that emulation-rules new writes; a command follows"),
    M("new.file.template",
      "{base} là mẫu chung, không mang trích dẫn của địa phương nào: mọi trích dẫn dưới đây là "
      "của văn bản của địa phương.",
      "{base} is the shared template and carries no locality's citations: every citation "
      "below is your own document's."),
    M("new.file.fill",
      "1. Thay mỗi giá trị trong dấu <...> bằng điều văn bản của địa phương ghi; giá trị của "
      "{base} ghi bên cạnh, sau dấu #, để đối chiếu. Ngày viết 2025-08-19 hoặc 19/08/2025; "
      "\"từ khi kế hoạch được ban hành\" viết issuance.",
      "1. Replace each value in <...> with what your document says; {base}'s value is beside "
      "it, after the #, to compare. Dates are written 2025-08-19 or 19/08/2025; \"từ khi kế "
      "hoạch được ban hành\" is written issuance."),
    M("new.file.source",
      "2. Mỗi source ghi số mục của văn bản (section, trong ngoặc kép: \"4.1\", \"II.2\") "
      "và câu trích nguyên văn (quote).",
      "2. Each source gives the document's section number (section, in quotes: \"4.1\", "
      "\"II.2\") and the passage copied exactly (quote)."),
    M("new.file.check",
      "3. Kiểm tra (còn giá trị <...> là còn lỗi), rồi so sánh với kế hoạch nền:",
      "3. Check it (a value still in <...> is an error), then compare it with its base:",
      "commands follow"),
    M("new.file.schema",
      "Dòng đầu tiên nối tệp với lược đồ {schema} để trình soạn thảo (VS Code có tiện ích "
      "YAML) gợi ý và kiểm tra khi gõ. Tạo hoặc cập nhật lược đồ, trong thư mục của tệp này:",
      "The first line links the file to the schema {schema}, for editors (VS Code with the "
      "YAML extension) to suggest and check as you type. Write or refresh the schema, in this "
      "file's folder:",
      "a command follows"),
    M("new.file.reading",
      "cách hiểu của {base}, không giữ: {reading}",
      "{base}'s reading, not kept: {reading}",
      "a comment beside 'reading: null': the base's reading of its own document"),
    M("new.file.acknowledge",
      "{base} đã chấp nhận cảnh báo {codes}; không giữ: văn bản của địa phương cũng ghi như "
      "vậy thì ghi lại, với lý do của mình",
      "{base} acknowledged {codes}; not kept: if your document says the same, acknowledge it "
      "again with your own reason",
      "a comment beside 'acknowledge: []'"),
    M("new.file.phases",
      "Các đợt của văn bản; thêm hoặc bớt đợt cho đúng văn bản.",
      "The document's phases; add or remove phases to match it."),
    M("new.file.criteria",
      "Trích dẫn còn thiếu: mục và câu trích của văn bản cho từng nội dung thi đua và chỉ "
      "tiêu mà {base} không có trích dẫn.",
      "Citations still missing: your document's section and passage for each content and "
      "target that {base} does not cite."),
    M("new.file.inherited",
      "Phần còn lại (văn bản căn cứ, nội dung thi đua, chỉ tiêu, khen thưởng, hạn định kỳ) "
      "lấy nguyên của {base}, kể cả trích dẫn: chỗ nào văn bản của địa phương viết khác thì "
      "ghi đè theo id, với mục và câu trích của mình.",
      "The rest (documents implemented, contents, targets, awards, recurring deadlines) is "
      "{base}'s, citations included: where your document words it differently, override it "
      "by id with your own section and passage."),
    M("new.file.inherited-template",
      "Phần còn lại (nội dung thi đua, chỉ tiêu và cách tính, cách xếp hạng) lấy nguyên của "
      "{base}: chỗ nào văn bản của địa phương khác thì ghi đè theo id.",
      "The rest (contents, targets and how they are computed, ranking) is {base}'s: where "
      "your document differs, override it by id."),
    M("new.file.no-deadlines",
      "{base} không có hạn báo cáo (deadlines) và khen thưởng (awards): thêm theo văn bản, "
      "như trong một kế hoạch có sẵn (emulation-rules show kon_plong).",
      "{base} has no reporting deadlines (deadlines) and no awards (awards): add them from "
      "your document, as in a bundled plan (emulation-rules show kon_plong)."),
    M("new.phase-name", "Đợt {n}", "Phase {n}"),

    # ----- the file it writes: placeholders (written inside < and >) -----
    M("new.ph.title-vi", "tên kế hoạch", "the plan's title, in Vietnamese",
      "a placeholder: written inside < and > in the new file"),
    M("new.ph.title-en", "tên kế hoạch bằng tiếng Anh", "the plan's title, in English"),
    M("new.ph.issuer-vi", "cơ quan ban hành", "the issuing body, in Vietnamese"),
    M("new.ph.issuer-en", "tên cơ quan ban hành bằng tiếng Anh",
      "the issuing body, in English"),
    M("new.ph.body", "loại cơ quan, ví dụ district_people_committee",
      "the kind of body, e.g. district_people_committee"),
    M("new.ph.level", "cấp: province, district hoặc commune",
      "the level: province, district or commune"),
    M("new.ph.signatory", "người ký", "who signs"),
    M("new.ph.number", "số văn bản, ví dụ 123/KH-UBND",
      "the document's number, e.g. 123/KH-UBND"),
    M("new.ph.place", "địa danh ghi ở đầu văn bản", "the place named in its header"),
    M("new.ph.year", "năm ban hành", "the year of issue"),
    M("new.ph.issued", "ngày ban hành", "the date of issue"),
    M("new.ph.section", "số mục", "section number"),
    M("new.ph.quote", "câu trích nguyên văn", "the passage, copied exactly"),
    M("new.ph.campaign-vi", "tên phong trào", "the movement's name, in Vietnamese"),
    M("new.ph.campaign-en", "tên phong trào bằng tiếng Anh", "the movement's name, in English"),
    M("new.ph.campaign-start", "ngày bắt đầu, hoặc issuance",
      "first day, or issuance"),
    M("new.ph.campaign-end", "ngày kết thúc", "last day"),
    M("new.ph.first-start", "ngày bắt đầu {phase}, hoặc issuance",
      "first day of {phase}, or issuance"),
    M("new.ph.start", "ngày bắt đầu {phase}", "first day of {phase}"),
    M("new.ph.end", "ngày kết thúc {phase}", "last day of {phase}"),
    M("new.ph.due", "hạn", "due date"),
    M("new.ph.relation",
      "trước ngày: before; đến ngày, đến hết ngày: on_or_before; trong ngày: on",
      "trước ngày: before; đến ngày, đến hết ngày: on_or_before; trong ngày: on"),
)


def _hover(key: str, title_vi: str, title_en: str, about_vi: str, about_en: str
           ) -> tuple[Entry, Entry]:
    """The two entries of one thing an editor shows on hover: ``schema.<key>`` (its title) and
    ``schema.<key>.about`` (its description). ``key`` is a definition (``phase``), a
    definition and one of its properties (``phase.end``), a property shared by every
    definition that has no entry of its own (``any.policy``), or ``file`` (the schema itself).
    The English description is the model's docstring where it has one (a test compares)."""
    what = f"the JSON Schema ({key})"
    return (M(f"schema.{key}", title_vi, title_en, f"title of {what}, shown on hover"),
            M(f"schema.{key}.about", about_vi, about_en,
              f"description of {what}, shown on hover (the English follows the Vietnamese)"))


_HOVER: tuple[tuple[str, str, str, str, str], ...] = (
    ("file", "Kế hoạch phong trào thi đua (emulation_rules)", "emulation_rules plan",
     "Kế hoạch phát động phong trào thi đua, viết thành tệp YAML của emulation_rules. Sinh ra "
     "từ mô hình bằng lệnh emulation-rules schema; không sửa tay.",
     "A plan (Kế hoạch) of an emulation movement, as a YAML file of emulation_rules. "
     "Generated from the model by `emulation-rules schema`; do not edit by hand."),
    ("partial-plan", "Kế hoạch kế thừa (extends)", "Plan that extends another",
     "Kế hoạch kế thừa một kế hoạch khác: chỉ ghi những gì khác; các mục trong danh sách "
     "ghép với mục được kế thừa theo id.",
     "A plan that extends another: it holds only what differs; list items merge by id."),

    # ----- properties many definitions share (used where a definition has none of its own) --
    ("any.id", "Mã", "Id",
     "Mã định danh: chữ thường không dấu, chữ số và _, bắt đầu bằng chữ cái. Trong tệp kế "
     "thừa, mục có mã của một mục được kế thừa chỉ sửa những khóa được ghi ra.",
     "An identifier: lower-case ASCII letters, digits and _, starting with a letter. In a "
     "file that extends another, an item with an inherited id changes only the keys it gives."),
    ("any.label", "Tên", "Label",
     "Tên như văn bản ghi (vi), kèm bản dịch tiếng Anh (en).",
     "The name as the document words it (vi), with an English gloss (en)."),
    ("any.source", "Trích dẫn", "Citation",
     "Mục và câu trích của văn bản gốc ghi điều này.",
     "The section and quote of the source document that states this."),
    ("any.policy", "Quy định của địa phương", "Local policy",
     "local: đánh dấu một quy tắc không văn bản nào ghi, do địa phương chọn (ghi lý do ở "
     "reason).",
     "\"local\" marks a rule that no document states, chosen locally (give a reason)."),
    ("any.reason", "Lý do", "Reason",
     "Một dòng: vì sao chọn quy định này của địa phương.",
     "One line: why this local policy was chosen."),
    ("any.remove", "Bỏ mục kế thừa", "Remove",
     "Mã các mục được kế thừa cần bỏ (chỉ trong tệp kế thừa tệp khác).",
     "Ids of inherited items to drop (only in a file that extends another)."),
    ("any.applies-to", "Chỉ áp dụng cho", "Applies to",
     "Chỉ áp dụng cho các loại đối tượng này (ví dụ business); để trống: cho mọi đối tượng "
     "của tiêu chuẩn.",
     "Only for these categories (e.g. business); empty: for every recipient of the "
     "standard."),
    ("any.kind", "Loại điều kiện", "Condition kind",
     "Loại điều kiện: judgement (địa phương đánh giá), attestation (được xác nhận), "
     "leads_bloc (dẫn đầu khối), prior_awards (đã được khen thưởng), metric (theo số liệu).",
     "The kind of condition: judgement (left to local judgement), attestation (certified), "
     "leads_bloc (leads its bloc), prior_awards (awards received), metric (on counts)."),
    ("any.attestation", "Xác nhận", "Attestation",
     "Một loại xác nhận trong danh mục (docs/metrics.md).",
     "An attestation of the vocabulary (docs/metrics.md)."),

    # ----- definitions and their properties -----
    ("all-of", "Đạt tất cả các điều kiện", "All of",
     "Đạt khi đạt tất cả các điều kiện trong danh sách.",
     "Met when all of its conditions are met."),
    ("all-of.all-of", "Các điều kiện", "Conditions",
     "Hai điều kiện trở lên.", "Two or more conditions."),
    ("any-of", "Đạt một trong các điều kiện", "Any of",
     "Đạt khi đạt một trong các điều kiện (chữ \"hoặc\" của văn bản).",
     "Met when any of its conditions is met (the document's \"hoặc\")."),
    ("any-of.any-of", "Các điều kiện", "Conditions",
     "Hai điều kiện trở lên.", "Two or more conditions."),
    ("attestation-condition", "Điều kiện được xác nhận", "Attested fact",
     "Một sự việc có hoặc không, được xác nhận (xếp loại \"Xuất sắc\", công nhận \"An toàn "
     "về ANTT\").",
     "A certified yes/no fact (rated \"Xuất sắc\", certified \"An toàn về ANTT\")."),
    ("attested-condition", "Chỉ tiêu quyết định bằng xác nhận", "Attested target",
     "Một đánh giá không đo bằng số liệu (\"hoàn thành 100% ... đạt chất lượng, hiệu "
     "quả\"): quyết định bằng một xác nhận, nộp bằng evaluate --attestations cho một khoảng "
     "(một đợt, một năm) hoặc cho cả phong trào; không có xác nhận thì kết quả là chưa xác "
     "định.",
     "A judgement no count measures (\"hoàn thành 100% ... đạt chất lượng, hiệu quả\"): "
     "decided by an attestation, supplied with ``evaluate --attestations`` for a window (a "
     "phase, a year) or for the whole campaign; without one the verdict is unknown."),
    ("attested-condition.attestation", "Xác nhận", "Attestation",
     "Loại xác nhận ghi nhận đánh giá này (docs/metrics.md).",
     "The attestation that records the judgement (docs/metrics.md)."),
    ("award", "Hình thức khen thưởng", "Award tier",
     "Một hình thức khen thưởng: loại khen thưởng (nếu văn bản nêu), ai tặng và vào dịp nào.",
     "An award tier: its form (if the document names one), who grants it, and when."),
    ("award.form", "Loại khen thưởng", "Form",
     "commendation (Giấy khen), certificate_of_merit (Bằng khen), emulation_flag (Cờ thi "
     "đua); null khi văn bản chỉ ghi \"theo thẩm quyền\".",
     "commendation (Giấy khen), certificate_of_merit (Bằng khen), emulation_flag (Cờ thi "
     "đua); null when the document says only \"theo thẩm quyền\"."),
    ("award.granted-by", "Cấp tặng", "Granted by",
     "Người hoặc cơ quan có thẩm quyền tặng (district_chairman: Chủ tịch UBND cấp huyện).",
     "Who grants it (district_chairman: the chairman of the district People's Committee)."),
    ("award.proposed-by", "Cơ quan đề nghị", "Proposed by",
     "Cơ quan đề nghị khen thưởng, nếu văn bản nêu.",
     "Who proposes it, where the document says so."),
    ("award.occasions", "Dịp xét tặng", "Occasions",
     "Các dịp xét tặng: phase_review (sơ kết đợt), final_review (tổng kết), yearly_review "
     "(đánh giá hằng năm), stage_review (tổng kết giai đoạn).",
     "When it is considered: phase_review (a phase's review), final_review (the final "
     "review), yearly_review (a yearly review), stage_review (a stage's review)."),
    ("award.standards", "Tiêu chuẩn", "Standards",
     "Tiêu chuẩn cho từng loại đối tượng (tập thể, cá nhân).",
     "The standards for each kind of recipient (collective, individual)."),
    # ----- award quotas (helper QUOTAS): Award.quota and the Quota definition -----
    ("award.quota", "Số lượng khen thưởng", "Quota",
     "Số tập thể được tặng và cách xếp hạng để chọn; không ghi: tặng mọi đơn vị đủ điều "
     "kiện.",
     "How many collectives the tier grants and by which ranking; none: as many as are "
     "eligible."),
    ("quota", "Số lượng khen thưởng", "Quota",
     "Số tập thể một hình thức khen thưởng được tặng (\"Giấy khen cho 03 tập thể\"), tính "
     "trong phạm vi nào và xếp hạng theo tiêu chí nào. Các tập thể đủ điều kiện được xếp hạng "
     "theo các tiêu chí; mọi đơn vị bằng nhau ở vị trí cuối đều được liệt kê, là trường hợp "
     "bằng nhau để cơ quan khen thưởng quyết định, cùng các đơn vị kế tiếp. Số lượng không "
     "tính cá nhân. Ghi nguồn (source), hoặc policy: local kèm lý do khi số lượng do cơ quan "
     "khen thưởng quyết định.",
     "How many collectives (tập thể) an award tier grants (\"Giấy khen cho 03 tập thể\"), "
     "among whom, and by which ranking. The eligible collectives are ranked by the keys; "
     "those tied on every key at the last place are all shown, as a tie the granting body "
     "settles, with the units that come next. Individuals are not counted by a quota. State "
     "its source, or ``policy: local`` with a reason when the number is the granting body's "
     "decision."),
    ("quota.count", "Số lượng", "Count",
     "Số đơn vị được tặng: tính chung (among: all) hoặc trong mỗi khối (among: bloc).",
     "How many units the tier grants: in all (among: all) or in each bloc (among: bloc)."),
    ("quota.among", "Phạm vi tính", "Among",
     "all: một số lượng chung cho mọi ứng viên; bloc: số lượng trong mỗi khối thi đua (cột "
     "bloc của tệp đơn vị).",
     "all: one count for every candidate together; bloc: the count in each emulation bloc "
     "(khối thi đua: the units file's bloc column)."),
    ("quota.rank-by", "Xếp hạng theo", "Rank by",
     "Các tiêu chí xếp hạng, cao trước: score, criteria_met, targets_met. Mặc định: thứ tự "
     "tie_break của phần chấm điểm (scoring), bỏ unit_id (không có scoring: chỉ score).",
     "Ranking keys, highest first: score, criteria_met, targets_met. Default: the plan's "
     "scoring tie_break without unit_id (score alone without scoring)."),
    ("campaign", "Phong trào thi đua", "Campaign",
     "Phong trào thi đua mà kế hoạch phát động, và thời gian của phong trào.",
     "The movement (phong trào thi đua) the plan runs, and its window."),
    ("campaign.name", "Tên phong trào", "Name",
     "Tên phong trào thi đua như văn bản ghi.",
     "The movement's name as the document words it."),
    ("campaign.theme", "Chủ đề", "Theme",
     "Chủ đề của phong trào.", "The movement's theme (chủ đề)."),
    ("campaign.start", "Ngày bắt đầu", "Start",
     "Ngày bắt đầu phong trào, hoặc issuance khi văn bản ghi \"từ khi kế hoạch được ban "
     "hành\".",
     "The first day, or issuance for \"từ khi kế hoạch được ban hành\"."),
    ("campaign.end", "Ngày kết thúc", "End",
     "Ngày cuối, tính cả ngày đó; null cho phong trào không có ngày kết thúc (khi đó ghi "
     "review_cycle).",
     "Last day, inclusive; null for an open-ended movement (then give review_cycle)."),
    ("campaign.review-cycle", "Chu kỳ đánh giá", "Review cycle",
     "Với phong trào không có ngày kết thúc: đánh giá hằng năm, tổng kết theo giai đoạn.",
     "For an open-ended movement: reviewed yearly, summarised by stages."),
    ("count-condition", "Điều kiện đếm", "Count condition",
     "So sánh một số đếm với một số nguyên (\"ít nhất 01\": gte 1; \"không để xảy ra\": "
     "eq 0).",
     "A count compared with a whole-number threshold (\"ít nhất 01\": gte 1; \"không để "
     "xảy ra\": eq 0)."),
    ("count-condition.metric", "Số liệu", "Metric",
     "Một số liệu trong danh mục (docs/metrics.md).",
     "A metric of the vocabulary (docs/metrics.md)."),
    ("count-condition.comparator", "Phép so sánh", "Comparator",
     "gt (trên), gte (từ ... trở lên, ít nhất, chỉ tiêu ghi trơn), eq (bằng), lte (không "
     "quá), lt (dưới).",
     "gt (trên), gte (từ ... trở lên, ít nhất, a bare target), eq, lte, lt."),
    ("count-condition.threshold", "Ngưỡng", "Threshold",
     "Số để so sánh.", "The number to compare with."),
    ("criterion", "Nội dung thi đua", "Content",
     "Một nội dung thi đua, với các chỉ tiêu của nội dung đó.",
     "A content of the movement (nội dung thi đua), with its targets."),
    ("criterion.targets", "Chỉ tiêu", "Targets",
     "Các chỉ tiêu của nội dung này.", "The targets of this content."),
    ("criterion.remove", "Bỏ chỉ tiêu kế thừa", "Remove",
     "Mã các chỉ tiêu được kế thừa cần bỏ (chỉ trong tệp kế thừa tệp khác).",
     "Ids of inherited targets to drop (only in a file that extends another)."),
    ("deadline", "Hạn", "Deadline",
     "Một việc có hạn (một báo cáo, một buổi lễ), hoặc một việc làm định kỳ.",
     "A dated obligation (a report, a ceremony), or a recurring one."),
    ("deadline.owed-by", "Đơn vị thực hiện", "Owed by",
     "Ai phải làm; chỉ theo dõi các đơn vị thuộc loại này.",
     "Who must do it; only units of this kind are tracked for it."),
    ("deadline.to", "Nơi nhận", "To", "Nơi nhận.", "Who receives it."),
    ("deadline.via", "Gửi qua", "Via",
     "Gửi qua ai (\"qua Công an tỉnh\").",
     "Through whom it is sent (\"qua Công an tỉnh\")."),
    ("deadline.phase", "Đợt được báo cáo", "Phase",
     "Đợt mà việc này báo cáo, nếu có.", "The phase it reports on, if any."),
    ("deadline.due", "Hạn", "Due",
     "Ngày hạn; relation cho biết nộp đúng ngày đó có kịp không.",
     "The due date; relation says whether that day itself is on time."),
    ("deadline.relation", "Cách tính hạn", "Relation",
     "before (\"trước ngày D\": ngày D là trễ), on_or_before (\"đến ngày D\"), on "
     "(\"trong ngày D\").",
     "before (\"trước ngày D\": D is late), on_or_before (\"đến ngày D\"), on (\"trong "
     "ngày D\")."),
    ("deadline.recurrence", "Định kỳ", "Recurrence",
     "Thay cho due và relation, với việc \"hằng tháng\", \"hằng năm\".",
     "Instead of due/relation, for \"hằng tháng\", \"hằng năm\"."),
    ("default-rule", "Quy tắc mặc định", "Default rule",
     "Quy tắc áp dụng khi không có xác nhận cho một đánh giá (luôn là quy định của địa "
     "phương).",
     "The rule applied when no attestation supplies a judgement (always local policy)."),
    ("default-rule.rule", "Quy tắc", "Rule",
     "all_criteria_met: đạt mọi nội dung thi đua trong các khoảng được xét thì coi là đạt; "
     "attestation_required: chỉ xác nhận mới quyết định.",
     "all_criteria_met: met when every criterion is met in the windows reviewed; "
     "attestation_required: only an attestation decides."),
    ("document", "Văn bản kế hoạch", "Plan document",
     "Chính văn bản kế hoạch; số và ngày ban hành thường để trống.",
     "The plan document itself; its number and date are often left blank."),
    ("document.number", "Số văn bản", "Number",
     "Số, ký hiệu của văn bản (\"123/KH-UBND\"), để trống như văn bản để trống.",
     "The document's number (\"123/KH-UBND\"), blank where the document leaves it blank."),
    ("document.place", "Địa danh", "Place",
     "Địa danh ghi ở đầu văn bản.", "The place named in the document's header."),
    ("document.year", "Năm", "Year",
     "Năm ban hành (số, không đặt trong ngoặc kép).",
     "The year of issue (a number, unquoted)."),
    ("document.issued", "Ngày ban hành", "Issued",
     "Ngày ban hành, khi văn bản ghi ngày; không thì cho biết khi dùng kế hoạch.",
     "The issue date, when the document states it; otherwise it is supplied at run time."),
    ("issuer", "Cơ quan ban hành", "Issuer",
     "Cơ quan ban hành kế hoạch.", "Who issues the plan."),
    ("issuer.name", "Tên cơ quan", "Name",
     "Tên cơ quan ban hành như văn bản ghi.",
     "The issuing body's name as the document writes it."),
    ("issuer.body", "Loại cơ quan", "Body",
     "Loại cơ quan ban hành (district_people_committee: UBND cấp huyện).",
     "The kind of body (district_people_committee: a district People's Committee)."),
    ("issuer.level", "Cấp", "Level",
     "Cấp ban hành: province (tỉnh), district (huyện), commune (xã).",
     "The level: province, district or commune."),
    ("issuer.signatory", "Người ký", "Signatory",
     "Người ký văn bản.", "Who signs the document."),
    ("judgement-condition", "Điều kiện do địa phương đánh giá", "Judgement condition",
     "Một điều kiện văn bản để địa phương đánh giá (\"thành tích xuất sắc\").",
     "A condition the document leaves to local judgement (\"thành tích xuất sắc\")."),
    ("judgement-condition.attestation", "Xác nhận", "Attestation",
     "Loại xác nhận ghi nhận đánh giá (ví dụ outstanding_achievement).",
     "The attestation that records the judgement (e.g. outstanding_achievement)."),
    ("judgement-condition.default", "Mặc định", "Default",
     "Quy tắc của địa phương dùng khi không có xác nhận.",
     "Local-policy rule used when no attestation is given."),
    ("leads-bloc-condition", "Dẫn đầu khối", "Leads its bloc",
     "Xếp thứ nhất trong khối thi đua của mình (dẫn đầu khối).",
     "Ranked first in its emulation bloc (dẫn đầu khối)."),
    ("leads-bloc-condition.bloc", "Khối thi đua", "Bloc",
     "Khối thi đua như văn bản gọi (\"khối xã, phường\").",
     "The bloc as the document names it (\"khối xã, phường\")."),
    ("metric-condition", "Điều kiện theo số liệu", "Metric condition",
     "Một điều kiện tính bằng số liệu (ví dụ không để xảy ra vụ việc nghiêm trọng, có ít nhất "
     "một mô hình xếp loại Tốt).",
     "A condition on counts (e.g. no serious incidents, at least one model rated Good)."),
    ("metric-condition.per", "Tính theo", "Per",
     "total: cộng cả khoảng được xét; year: phải đạt trong từng năm.",
     "total: summed over the review; year: must hold in every year."),
    ("metric-condition.condition", "Điều kiện", "Condition",
     "Điều kiện trên số liệu: đếm, tỷ lệ, hoặc any_of / all_of của chúng.",
     "The test on counts: a count, a ratio, or any_of / all_of of them."),
    ("missing-period", "Kỳ không có số liệu", "Missing period",
     "Một kỳ lẽ ra có số liệu mà không có thì kết quả ra sao. Không khai báo thì kết quả là "
     "chưa xác định (unknown); kế hoạch có thể khai báo không đạt (not_met).",
     "What an expected period with no data means for a verdict. Without a declaration a "
     "missing period makes the verdict ``unknown``; a plan may declare ``not_met`` instead."),
    ("missing-period.verdict", "Kết quả", "Verdict",
     "unknown (chưa xác định) hoặc not_met (không đạt).", "unknown or not_met."),
    ("phase", "Đợt thi đua", "Phase",
     "Một đợt của phong trào (đợt), có ngày bắt đầu và ngày kết thúc; tính cả hai ngày đó.",
     "A dated part of the campaign (đợt). Both ends are inclusive."),
    ("phase.start", "Ngày bắt đầu", "Start",
     "Ngày đầu tiên, hoặc issuance cho \"từ khi kế hoạch được ban hành\" / \"từ nay\".",
     "First day, or \"issuance\" for \"từ khi kế hoạch được ban hành\" / \"từ nay\"."),
    ("phase.end", "Ngày kết thúc", "End",
     "Ngày cuối, tính cả ngày đó (\"đến ngày\", \"đến hết ngày\").",
     "Last day, inclusive (\"đến ngày\", \"đến hết ngày\")."),
    ("phase.motto", "Phương châm", "Motto",
     "Phương châm của đợt.", "The phase's slogan (phương châm)."),
    ("plan", "Kế hoạch", "Plan",
     "Kế hoạch của một địa phương, hoặc một mẫu để các kế hoạch kế thừa.",
     "One locality's plan (Kế hoạch), or a template that plans extend."),
    ("plan.id", "Mã kế hoạch", "Plan id",
     "Trùng với tên tệp, bỏ .yaml.", "Equals the file name without .yaml."),
    ("plan.template", "Mẫu", "Template",
     "true: một mẫu, chỉ để kế thừa, không dùng để đánh giá; không được kế thừa.",
     "A template is only extended, never evaluated; it is not inherited."),
    ("plan.extends", "Kế thừa", "Extends",
     "Mã một kế hoạch có sẵn, hoặc đường dẫn tệp .yaml trong chính thư mục của tệp này.",
     "A bundled plan id, or a .yaml path inside this file's own folder."),
    ("plan.title", "Tên kế hoạch", "Title",
     "Tên kế hoạch như văn bản ghi.", "The plan's title as the document words it."),
    ("plan.issuer", "Cơ quan ban hành", "Issuer",
     "Cơ quan ban hành kế hoạch.", "Who issues the plan."),
    ("plan.document", "Văn bản", "Document",
     "Số, địa danh, năm và ngày ban hành của văn bản kế hoạch.",
     "The plan document's number, place, year and date."),
    ("plan.implements", "Văn bản căn cứ", "Implements",
     "Các văn bản mà kế hoạch thực hiện hoặc căn cứ vào (ngày của chúng giới hạn ngày ban "
     "hành).",
     "Documents the plan implements or is based on (their dates bound the issue date)."),
    ("plan.campaign", "Phong trào", "Campaign",
     "Phong trào thi đua và thời gian của phong trào.", "The movement and its window."),
    ("plan.phases", "Các đợt", "Phases",
     "Các đợt thi đua, theo thứ tự, không chồng lên nhau.",
     "The phases, in order, not overlapping."),
    ("plan.criteria", "Nội dung thi đua", "Criteria",
     "Các nội dung thi đua, mỗi nội dung có các chỉ tiêu.",
     "The contents of the movement, each with its targets."),
    ("plan.deadlines", "Hạn báo cáo", "Deadlines",
     "Các báo cáo và việc có hạn hoặc làm định kỳ.",
     "Reports and other dated or recurring obligations."),
    ("plan.awards", "Khen thưởng", "Awards",
     "Các hình thức khen thưởng, với tiêu chuẩn của từng hình thức.",
     "Award tiers, each with its standards."),
    ("plan.straddling-month", "Tháng nằm giữa hai đợt", "Straddling month",
     "Tháng vắt qua ranh giới hai đợt thuộc đợt nào (mặc định: most_days).",
     "The phase a month straddling a phase boundary belongs to (default: most_days)."),
    ("plan.missing-period", "Kỳ không có số liệu", "Missing period",
     "Kỳ không có số liệu thì kết quả ra sao (mặc định: chưa xác định).",
     "What a period with no data means (default: the verdict is unknown)."),
    ("plan.scoring", "Chấm điểm", "Scoring",
     "Điểm của từng nội dung và thứ tự xét khi bằng điểm, để xếp hạng trong khối (mặc định: "
     "mỗi nội dung 1 điểm).",
     "Points per criterion and tie-break keys for ranking in a bloc (default: 1 point each)."),
    ("plan.remove", "Bỏ mục kế thừa", "Remove",
     "Mã các đợt, nội dung, hạn hoặc khen thưởng được kế thừa cần bỏ.",
     "Ids of inherited phases, criteria, deadlines or awards to drop."),
    ("prior-awards-condition", "Đã được khen thưởng", "Prior awards",
     "Đã được các cơ quan nêu tặng một số lần khen thưởng của một hình thức.",
     "Has already received a number of awards of a form from given authorities."),
    ("prior-awards-condition.form", "Loại khen thưởng", "Form",
     "Loại khen thưởng đã nhận: commendation (Giấy khen), certificate_of_merit (Bằng khen), "
     "emulation_flag (Cờ thi đua).",
     "The form of the awards received: commendation (Giấy khen), certificate_of_merit (Bằng "
     "khen), emulation_flag (Cờ thi đua)."),
    ("prior-awards-condition.granted-by", "Cấp tặng", "Granted by",
     "Các cơ quan đã tặng (ít nhất một).", "The bodies that granted them (at least one)."),
    ("prior-awards-condition.at-least", "Số lần tối thiểu", "At least",
     "Đã được khen thưởng ít nhất bao nhiêu lần.", "How many awards at least."),
    ("ratio-condition", "Điều kiện tỷ lệ", "Ratio condition",
     "Một tỷ lệ: tổng tử số chia cho tổng mẫu số, so với một phân số (0.8 là 80%).",
     "A share: sum of numerator over sum of denominator, compared with a fraction (0.8 = "
     "80%)."),
    ("ratio-condition.numerator", "Tử số", "Numerator",
     "Số liệu đếm phần được tính (ví dụ tips_via_force).",
     "The metric counted in the share (e.g. tips_via_force)."),
    ("ratio-condition.denominator", "Mẫu số", "Denominator",
     "Số liệu là toàn bộ (ví dụ tips_total).",
     "The metric that is the whole (e.g. tips_total)."),
    ("ratio-condition.comparator", "Phép so sánh", "Comparator",
     "gt cho \"trên 90%\"; gte cho \"từ 80% trở lên\", \"80%\" ghi trơn và \"100%\".",
     "gt for \"trên 90%\"; gte for \"từ 80% trở lên\", a bare \"80%\" and \"100%\"."),
    ("ratio-condition.threshold", "Ngưỡng", "Threshold",
     "Một phân số từ 0 đến 1: 0.8 là 80%, 1 là tất cả (100%).",
     "A fraction from 0 to 1: 0.8 is 80%, 1 is all (100%)."),
    ("ratio-condition.when-no-cases", "Khi không có trường hợp nào", "When no cases",
     "Chỉ tiêu có nghĩa gì khi mẫu số bằng 0. Bắt buộc với kế hoạch sau khi kế thừa.",
     "What the target means when the denominator is 0. Required in a resolved plan."),
    ("recurrence", "Định kỳ", "Recurrence",
     "Một việc làm định kỳ: mỗi tháng hoặc mỗi năm một lần, hạn trong chính kỳ đó.",
     "A recurring obligation: one instance per month or year, due within that period."),
    ("recurrence.freq", "Tần suất", "Frequency",
     "monthly (hằng tháng) hoặc yearly (hằng năm).", "monthly or yearly."),
    ("recurrence.start", "Bắt đầu", "Start",
     "Kỳ đầu tiên bắt đầu từ đây; mặc định: ngày bắt đầu phong trào.",
     "First period starts here; default: the campaign start."),
    ("recurrence.until", "Đến", "Until",
     "Kỳ cuối cùng kết thúc ở đây; mặc định: ngày kết thúc phong trào (hoặc mốc cuối được "
     "hỏi).",
     "Last period ends here; default: the campaign end (or the requested horizon)."),
    ("reference", "Văn bản căn cứ", "Reference",
     "Một văn bản mà kế hoạch thực hiện hoặc căn cứ vào.",
     "A document the plan implements or is based on."),
    ("reference.number", "Số văn bản", "Number",
     "Số, ký hiệu của văn bản (\"3238/KH-UBND\").",
     "The document's number (\"3238/KH-UBND\")."),
    ("reference.date", "Ngày", "Date", "Ngày của văn bản.", "The document's date."),
    ("reference.issuer", "Cơ quan ban hành", "Issuer",
     "Cơ quan ban hành văn bản.", "Who issued the document."),
    ("reference.relation", "Quan hệ", "Relation",
     "implements (kế hoạch thực hiện văn bản này), legal_basis (căn cứ pháp lý), proposal "
     "(theo đề nghị).",
     "implements (the plan carries it out), legal_basis (its legal basis), proposal (on its "
     "proposal)."),
    ("review-cycle", "Chu kỳ đánh giá", "Review cycle",
     "Cách đánh giá một phong trào không có ngày kết thúc: hằng năm, và tổng kết sau mỗi giai "
     "đoạn vài năm.",
     "How an open-ended movement is reviewed: yearly, with a summary every few years."),
    ("review-cycle.period", "Kỳ đánh giá", "Period",
     "year: đánh giá hằng năm.", "year: reviewed every year."),
    ("review-cycle.stage-years", "Số năm một giai đoạn", "Stage years",
     "Độ dài một giai đoạn kết thúc bằng tổng kết (tổng kết giai đoạn), tính bằng năm.",
     "Length of a stage closed by a final review (tổng kết giai đoạn), in years."),
    ("scoring", "Chấm điểm và xếp hạng", "Scoring",
     "Cách chấm điểm và xếp hạng đơn vị trong khối thi đua. Không văn bản nào quy định: khai "
     "báo là quy định của địa phương. Đơn vị được điểm của một nội dung khi đạt nội dung đó "
     "trong khoảng được xét; bằng điểm thì xét lần lượt theo các tiêu chí, cuối cùng là "
     "unit_id.",
     "How units score and rank in their emulation bloc (khối thi đua). No document states "
     "it: declare it as local policy. A unit earns a criterion's points when it meets that "
     "criterion in the window; ties are broken by the keys in order, the last being "
     "``unit_id``."),
    ("scoring.points", "Điểm", "Points",
     "Điểm của từng nội dung thi đua, theo mã; nội dung không ghi được 1 điểm.",
     "Points per criterion id; a criterion not listed is worth 1."),
    ("scoring.tie-break", "Thứ tự xét khi bằng điểm", "Tie break",
     "Các tiêu chí xếp hạng, cao trước: score, criteria_met, targets_met; cuối cùng là "
     "unit_id (tăng dần).",
     "Ranking keys, highest first: score, criteria_met, targets_met; unit_id (ascending) "
     "last."),
    ("source", "Trích dẫn", "Citation",
     "Nơi một điều được ghi trong văn bản gốc.",
     "Where a fact stands in the source document."),
    ("source.section", "Số mục", "Section",
     "Số mục như văn bản đánh số, đặt trong ngoặc kép: \"4.1\", \"II.2\", \"IV.1\".",
     "Section number as the document numbers it, quoted: \"4.1\", \"II.2\", \"IV.1\"."),
    ("source.quote", "Câu trích", "Quote",
     "Một đoạn ngắn, nguyên văn tiếng Việt, của văn bản ghi điều này.",
     "A short passage of the original Vietnamese that states the fact."),
    ("source.reading", "Cách hiểu", "Reading",
     "Khi câu chữ hiểu được nhiều cách: cách hiểu đã chọn, và vì sao.",
     "Where the wording is ambiguous: the reading chosen, and why."),
    ("standard", "Tiêu chuẩn khen thưởng", "Award standard",
     "Các điều kiện một loại đối tượng phải đạt để được khen thưởng.",
     "The conditions one kind of recipient must meet for an award."),
    ("standard.recipient", "Đối tượng", "Recipient",
     "collective (tập thể) hoặc individual (cá nhân).", "collective or individual."),
    ("standard.categories", "Loại đối tượng", "Categories",
     "Tiêu chuẩn này dành cho loại đối tượng nào; để trống: mọi loại.",
     "Which recipients this standard is for; empty: any."),
    ("standard.conditions", "Điều kiện", "Conditions",
     "Các điều kiện phải đạt.", "The conditions to meet."),
    ("straddling-month", "Tháng nằm giữa hai đợt", "Straddling month",
     "Một tháng vắt qua ranh giới hai đợt thì thuộc đợt nào (tháng 02/2025 có những ngày "
     "cuối đợt 1 và những ngày đầu đợt 2). Không khai báo thì mặc định là most_days.",
     "Which phase a calendar month belongs to when it straddles a phase boundary (February "
     "2025 holds the last days of phase 1 and the first of phase 2). Without a declaration "
     "the default is ``most_days``."),
    ("straddling-month.rule", "Quy tắc", "Rule",
     "most_days: thuộc đợt có nhiều ngày của tháng nhất (bằng nhau thì thuộc đợt sau); "
     "month_start / month_end: thuộc đợt có ngày đầu / ngày cuối của tháng. Những ngày "
     "trước ngày ban hành và sau ngày kết thúc phong trào không thuộc đợt nào; tháng có phần "
     "lớn số ngày (hoặc có ngày đầu / ngày cuối) nằm giữa hai đợt thì thuộc phong trào nhưng "
     "không thuộc đợt nào.",
     "most_days: the phase holding most of the month's days (a tie goes to the later phase); "
     "month_start / month_end: the phase holding the month's first / last day. Days before "
     "the issue date and after the campaign end are days in no phase; a month whose days lie "
     "mostly (or whose first / last day lies) in a gap between phases is in the campaign and "
     "no phase."),
    ("target", "Chỉ tiêu", "Target",
     "Một chỉ tiêu đo được của một nội dung thi đua.",
     "A measurable target (chỉ tiêu) of a criterion."),
    ("target.level", "Cấp áp dụng", "Level",
     "Đơn vị mà chỉ tiêu áp dụng: team cho \"mỗi Tổ\", commune cho \"trên địa bàn\".",
     "The unit the target holds for: \"team\" for \"mỗi Tổ\", \"commune\" for \"trên "
     "địa bàn\"."),
    ("target.per", "Tính theo", "Per",
     "total: cộng cả đợt hoặc cả khoảng được xét; month/year: phải đạt trong từng tháng, "
     "từng năm.",
     "total: summed over the whole phase or review; month/year: must hold in every period."),
    ("target.condition", "Điều kiện", "Condition",
     "Phép thử: đếm, tỷ lệ, hoặc any_of / all_of của chúng.",
     "The test: a count, a ratio, or any_of / all_of of them."),
    ("text", "Tên hai thứ tiếng", "Bilingual text",
     "Một tên gọi: nguyên văn tiếng Việt, kèm bản dịch tiếng Anh.",
     "A label: the Vietnamese wording, with an English gloss."),
    ("text.vi", "Tiếng Việt", "Vietnamese",
     "Tiếng Việt, như văn bản ghi.", "Vietnamese, as the document words it."),
    ("text.en", "Tiếng Anh", "English", "Bản dịch tiếng Anh.", "English gloss."),
    ("when-no-cases", "Khi không có trường hợp nào", "When there are no cases",
     "Chỉ tiêu tỷ lệ có nghĩa gì khi mẫu số bằng 0 (không có trường hợp nào).",
     "What a ratio target means when its denominator is 0 (there were no cases at all)."),
    ("when-no-cases.verdict", "Kết quả", "Verdict",
     "met (đạt), not_met (không đạt) hoặc unknown (chưa xác định).", "met, not_met or unknown."),
)

_VALUES: tuple[Entry, ...] = (
    # the descriptions the model gives a kind of value wherever it stands (found by their
    # English text; see emulation_rules.schema)
    M("schema.value.date.about",
      "Một ngày, viết 2025-05-19 (ISO) hoặc 19/05/2025, ngày trước tháng sau (19/5/2025 "
      "cũng được).",
      "A date, ISO 2025-05-19 or Vietnamese day-first 19/05/2025 (19/5/2025).",
      "description of a date in the JSON Schema, shown on hover"),
    M("schema.value.issuance.about",
      "Ngày ban hành kế hoạch, cho biết khi dùng kế hoạch.",
      "The plan's issue date, supplied at run time.",
      "description of 'issuance' in the JSON Schema, shown on hover"),
    M("schema.value.metric.about",
      "Một số liệu trong danh mục (docs/metrics.md).",
      "A metric of the vocabulary (docs/metrics.md).",
      "description of a metric id in the JSON Schema, shown on hover"),
    M("schema.value.attestation.about",
      "Một loại xác nhận trong danh mục (docs/metrics.md).",
      "An attestation of the vocabulary (docs/metrics.md).",
      "description of an attestation id in the JSON Schema, shown on hover"),
)

_SCHEMA: tuple[Entry, ...] = tuple(
    entry for item in _HOVER for entry in _hover(*item)) + _VALUES

MESSAGES: tuple[Entry, ...] = _NEW + _SCHEMA
