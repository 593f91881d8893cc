"""The metric and attestation vocabulary that plan targets and award conditions name.

Metrics are counts recorded per unit and period (a month for the 2024 plans, a year for
``phuong_tien``). Ratios are always written in a plan as a numerator/denominator pair of counts,
so that a phase's ratio is the sum of numerators over the sum of denominators. ``level`` is the
unit level where the count is recorded; a target checked at a higher level sums it up the unit
tree (team -> commune). ``direction`` says which way is better ("neutral" for denominators).

Attestations are yes/no facts that a person certifies rather than counts (rated "Xuất sắc",
certified "An toàn về an ninh, trật tự"). docs/metrics.md documents both tables; a test keeps the
document and this module in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["ATTESTATIONS", "LEVEL_ORDER", "METRICS", "UNIT_KINDS", "Attestation", "Level",
           "Metric"]

#: Kinds of unit in a units file (the tree team -> commune -> district -> province, and the
#: other competitors).
UNIT_KINDS = ("team", "commune", "district", "province", "agency", "business", "school",
              "person")

Level = Literal["team", "commune", "agency", "business", "school", "person"]
Direction = Literal["higher", "lower", "neutral"]

#: Levels a count can be summed to: a team's counts sum to its commune.
LEVEL_ORDER: dict[str, tuple[str, ...]] = {
    "team": ("team", "commune"),
    "commune": ("commune",),
    "agency": ("agency",),
    "business": ("business",),
    "school": ("school",),
    "person": ("person",),
}


@dataclass(frozen=True)
class Metric:
    id: str
    vi: str
    en: str
    level: Level
    direction: Direction
    unit: str = "count"


@dataclass(frozen=True)
class Attestation:
    id: str
    vi: str
    en: str


_METRICS = (
    # 4.1 (2.1 in Ninh Thuận): tips and incidents
    Metric("tips_total", "Nguồn tin do Nhân dân cung cấp cho Công an cấp xã",
           "tips given by residents to the commune police", "commune", "neutral"),
    Metric("tips_via_force", "Nguồn tin do Nhân dân cung cấp cho Công an cấp xã thông qua "
           "lực lượng tham gia bảo vệ ANTT ở cơ sở",
           "of those tips, the ones passed on through the grassroots force", "commune", "higher"),
    Metric("incidents_total", "Vụ, việc về an ninh, trật tự",
           "security and order incidents in the area", "commune", "neutral"),
    Metric("incidents_force_present", "Vụ, việc về ANTT lực lượng có mặt kịp thời tại nơi xảy ra",
           "of those incidents, the ones where the force was present in time", "commune",
           "higher"),
    # 4.2: community models
    Metric("models_recognised", "Mô hình được Công an cấp huyện trở lên biểu dương, ghi nhận",
           "community models commended and recognised by district police or higher",
           "commune", "higher"),
    Metric("mass_models_commended_replicated",
           "Mô hình tổ chức quần chúng được Công an cấp huyện trở lên biểu dương, nhân rộng",
           "mass-organisation models commended and replicated by district police or higher",
           "commune", "higher"),
    Metric("models_highly_rated",
           "Mô hình được Công an cấp huyện trở lên biểu dương, ghi nhận và đánh giá cao",
           "community models commended, recognised and rated highly by district police or higher",
           "commune", "higher"),
    # 4.3: fire fighting and rescue
    Metric("rescue_callouts", "Vụ việc phòng cháy, chữa cháy, cứu nạn, cứu hộ khi được huy động",
           "fire-fighting and rescue call-outs of the force", "commune", "neutral"),
    Metric("rescue_callouts_present", "Vụ việc được huy động mà lực lượng có mặt kịp thời",
           "of those call-outs, the ones where the force was present in time", "commune",
           "higher"),
    # 4.4: administrative management
    Metric("conditional_business_violations",
           "Cơ sở kinh doanh có điều kiện về ANTT vi phạm quy định của pháp luật",
           "businesses under security-conditional licensing found in breach", "commune", "lower"),
    Metric("household_records_total", "Thông tin về nhân khẩu cần thu thập",
           "household registration records to be collected", "commune", "neutral"),
    Metric("household_records_provided", "Thông tin về nhân khẩu Nhân dân cung cấp cho Công an "
           "cấp xã", "of those records, the ones residents provided to the commune police",
           "commune", "higher"),
    Metric("illegal_weapons_cases", "Vụ tàng trữ, buôn bán, sử dụng trái phép vũ khí, vật liệu "
           "nổ, công cụ hỗ trợ", "cases of illegal possession, trade or use of weapons, "
           "explosives or support tools", "commune", "lower"),
    # 4.5: reoffending
    Metric("reoffences", "Trường hợp người đã vi phạm pháp luật tái phạm",
           "people who had broken the law and reoffended in the area", "commune", "lower"),
    # 4.6: patrols and traffic
    Metric("force_members", "Thành viên lực lượng tham gia bảo vệ ANTT ở cơ sở",
           "members of the grassroots force", "team", "neutral"),
    Metric("force_members_patrolling", "Thành viên tham gia hỗ trợ Công an cấp xã tuần tra",
           "of those members, the ones who joined commune police patrols", "team", "higher"),
    Metric("serious_traffic_accidents", "Tai nạn giao thông nghiêm trọng, đặc biệt nghiêm trọng",
           "serious and very serious traffic accidents in the area", "commune", "lower"),
    # 4.7: good deeds
    Metric("good_deeds", "Việc tốt của Tổ bảo vệ ANTT",
           "good deeds done by the security team", "team", "higher"),
    Metric("members_commended", "Cá nhân được biểu dương, khen thưởng, ghi nhận gương người "
           "tốt, việc tốt", "team members commended or recognised as good-deed exemplars",
           "team", "higher"),
    Metric("tasks_assigned", "Công việc, chỉ tiêu nhiệm vụ được giao",
           "tasks and targets assigned", "team", "neutral"),
    Metric("tasks_completed", "Công việc, chỉ tiêu nhiệm vụ hoàn thành đạt chất lượng, hiệu quả",
           "of those, the ones completed with quality and effect", "team", "higher"),
    # phuong_tien (yearly, per commune, agency, business or school)
    Metric("models_rated_good", "Mô hình được xây dựng, duy trì và đánh giá phân loại Tốt",
           "community models built, kept running and rated Good", "commune", "higher"),
    Metric("models_replicated_province_wide",
           "Mô hình được Công an tỉnh thông báo nhân rộng trên địa bàn toàn tỉnh",
           "models the provincial police announced for replication province-wide", "commune",
           "higher"),
    Metric("serious_security_incidents", "Vụ việc phức tạp, nghiêm trọng liên quan đến ANTT",
           "complex or serious security and order incidents", "commune", "lower"),
    Metric("complaint_letters", "Đơn thư, thư khiếu nại, tố cáo",
           "complaint and denunciation letters", "commune", "lower"),
    Metric("escalated_complaints", "Khiếu kiện vượt cấp, kéo dài",
           "complaints taken over the head of the local level, or drawn out", "commune", "lower"),
)

#: Every metric a target may name, by id.
METRICS: dict[str, Metric] = {m.id: m for m in _METRICS}

_ATTESTATIONS = (
    Attestation("outstanding_achievement", "Có thành tích xuất sắc",
                "judged to have outstanding achievement (thành tích xuất sắc)"),
    Attestation("security_safe_certified", "Đạt tiêu chuẩn “An toàn về an ninh, trật tự”",
                "certified 'safe in security and order'"),
    Attestation("rated_excellent", "Được xếp loại “Xuất sắc” trong phong trào toàn dân bảo vệ "
                "an ninh Tổ quốc", "rated Excellent in the movement"),
    Attestation("has_movement_plan", "Có kế hoạch tổ chức thực hiện Phong trào thi đua hằng năm "
                "hoặc từng giai đoạn, triển khai nghiêm túc, hiệu quả",
                "has a yearly or per-stage plan for the movement, carried out seriously"),
    Attestation("effective_propaganda", "Làm tốt công tác tuyên truyền tạo sức lan tỏa",
                "spreads the movement's exemplars well"),
    Attestation("clean_organisation", "Tổ chức Đảng, đoàn thể trong sạch, vững mạnh, nội bộ "
                "đoàn kết; thực hiện tốt quy chế dân chủ cơ sở",
                "clean and strong Party and mass organisations, united, grassroots democracy"),
    Attestation("business_security_standard", "Doanh nghiệp đạt tiêu chuẩn “An toàn về an ninh, "
                "trật tự”, bảo đảm chế độ cho lực lượng bảo vệ",
                "business certified safe, with a properly supported protection force"),
    Attestation("exemplary_participation", "Gương mẫu đi đầu hưởng ứng, có sáng kiến, giải pháp "
                "hiệu quả", "leads by example and contributes effective initiatives"),
    Attestation("active_participation", "Tích cực hưởng ứng, phối hợp tuyên truyền lan tỏa",
                "takes an active part and helps spread the movement"),
    Attestation("all_tasks_completed", "Hoàn thành 100% số lượng công việc, chỉ tiêu nhiệm vụ "
                "được giao đạt chất lượng, hiệu quả", "completed every assigned task and target, "
                "with quality and effect (a judgement for a window)"),
    Attestation("leads_bloc", "Dẫn đầu khối thi đua",
                "leads its emulation bloc (used when the bloc's ranking cannot be computed)"),
    Attestation("unit_movement_well_run", "Phong trào thi đua của đơn vị được tổ chức sâu rộng, "
                "hiệu quả, đúng quy định", "the movement in the unit the person heads was run "
                "widely, effectively and by the rules"),
)

#: Every attestation an award condition may name, by id.
ATTESTATIONS: dict[str, Attestation] = {a.id: a for a in _ATTESTATIONS}
