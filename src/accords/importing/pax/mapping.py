"""How PA-X codes become accords words: agreement kinds, dates by status, roles of third parties.

The tables here are the documented mapping (README, "Importing from PA-X"); the importer
applies them and nothing else, so a reader can predict every imported value from the PA-X row.
"""

from __future__ import annotations

import re

from accords.model.agreements import AgreementKind, Certainty, Role

#: The metadata columns the importer reads, by PA-X column name.
META_COLUMNS = (
    "AgtId",
    "Con",
    "Agt",
    "Dat",
    "Status",
    "Agtp",
    "Stage",
    "StageSub",
    "Part",
    "ThrdPart",
)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


#: Columns the importer knows and deliberately leaves out: derived or duplicated elsewhere
#: (Day/Month/Year repeat Dat; the "additional" columns are aggregates of provision codes
#: or ids of other datasets). They are not reported as "not understood".
KNOWN_IGNORED = frozenset(
    _words(
        """
Amnesty anypowersharing anypowersharing_binom conflict_id ConShort ConShort2 Contp Corruption
Crime_Org_Crime Date Day Drugs economicps GWNO GWNO2 humanrightsALL HumRiCivPolALL HumRiFrameALL
HumRiSocEconALL In_other_UCDP inclusion1 inclusion2 inclusion3 IsGWNOprovisional
IsLocationProvisional ISO3 ISO3_2 ISONUM ISONUM2 Lgt Location1 Location2 militaryps Month OthAgr
PAID_UCDP PAM_ID PeaceProcess PeaceProcessN politicalps Reg SecurityALL territorialps TJ_bin
TJmechanism UCDPc_code_old WarNameCoW WarNumCoW womenandps Y+1 Y+10 Y+2 Y+5 Y-1 Y-10 Y-2 Y-5
Year yr
"""
    )
)

#: The PA-X provision codes (codebook column names); their non-zero values go to the crosswalk.
PROVISION_COLUMNS = _words(
    """
GCh GChRhet GChAntid GChSubs GChOth GDis GDisRhet GDisAntid GDisSubs GDisOth GAge GAgeRhet
GAgeAntid GAgeSubs GAgeOth GMig GMigRhet GMigAntid GMigSubs GMigOth GRa GRaRhet GRaAntid GRaSubs
GRaOth GRe GReRhet GReAntid GReSubs GReOth GInd GIndRhet GIndAntid GIndSubs GIndOth GOth
GOthRhet GOthAntid GOthSubs GOthOth GRef GRefRhet GRefSubs GRefOth GSoc GSocRhet GSocAntid
GSocSubs GSocOth GeWom GeMe GeMeNu GeMeOth GeSo GeFa StDef StGen StCon StSd StRef StSym StInd
StUni StBor StXbor Pol PolGen PolNewInd PolNewTemp ConRen Cons Ele ElecComm PolPar Civso Tral
Pubad Polps PpsSt PpsSub PpsEx PpsOro PpsOthPr PpsVet PpsAut PpsInt PpsOth Terps TpsSub TpsLoc
TpsAut TpsOth Eps EpsRes EpsOth Mps MpsMe MpsJt MpsOth HrGen EqGen HrDem Prot HrFra HrfSp HrfBor
HrfTinc HrfOth HrCp CprLife CprTort CprEq CprSlav CprLib CprDet CprFmov CprFspe CprFass CprTria
CprPriv CprVote CprReli CprOth HrSec SerProp SerWork SerHeal SerEdu SerStdl SerShel SerSs
SerCult SerOth HrNi HrNiMe HrNiNe HrNiOth HrIi HrIiMon HrIiBod HrIiOth HrMob HrDet Med MedGov
MedSubs MedLog MedOth HrCit CitGen CitRights CitDef CitOth JusCr JusCrSp JusCrSys JusCrPow JusEm
JusJu JusPri JusTra Dev NEC NatRes IntFu Bus Tax TaxPo TaxRef TaxOth Ban CenBan BanPers BanInt
BanXb LaRef LaRefMan LaRefRet LaRefOth LaNom LaCH LaCHTa LaCHIt LaCHPro LaCHOth LaEn Wat SsrGua
Ce CeProv CeGen SsrPol SsrArm SsrDdr DdrDemil DdrProg SsrInt SsrPsf SsrFf Cor SsrCrOcr SsrDrugs
Terr TjGen TjAm TjAmPro TjSan TjPower TjCou TjJaNc TjJaIc TjMech TjPrire TjVet TjVic TjMis TjRep
TjRSym TjRMa TjNR ImUN ImOth ImRef ImPK ImE ImSrc
"""
)

#: Stage/StageSub → kind. A (stage, substage) pair wins over the stage alone.
KIND_BY_STAGE: dict[tuple[str, str | None], AgreementKind] = {
    ("Cea", "Ceas"): AgreementKind.CEASEFIRE,
    ("Cea", "CeaMix"): AgreementKind.CEASEFIRE,
    ("Cea", "Rel"): AgreementKind.ARRANGEMENT,
    ("Cea", None): AgreementKind.CEASEFIRE,
    ("Pre", "Prin"): AgreementKind.DECLARATION,
    ("Pre", None): AgreementKind.PRE_NEGOTIATION,
    ("SubPar", None): AgreementKind.FRAMEWORK_AGREEMENT,
    ("SubComp", None): AgreementKind.FRAMEWORK_AGREEMENT,
    ("Imp", None): AgreementKind.IMPLEMENTATION,
    ("Ren", None): AgreementKind.IMPLEMENTATION,
    ("Oth", None): AgreementKind.OTHER,
}

_RESOLUTION = re.compile(r"\bsecurity council resolution\b", re.IGNORECASE)
_SUBSTANTIVE = frozenset({"SubPar", "SubComp"})


def agreement_kind(agtp: str, stage: str, substage: str, status: str, title: str) -> AgreementKind:
    """The accords kind of a PA-X agreement (README: "Importing from PA-X", the kind table)."""
    if _RESOLUTION.search(title):
        return AgreementKind.FRAMEWORK_RESOLUTION
    if agtp == "Inter" and stage in _SUBSTANTIVE:
        return AgreementKind.BILATERAL_DEAL
    kind = KIND_BY_STAGE.get((stage, substage)) or KIND_BY_STAGE.get((stage, None))
    if kind is None:
        return AgreementKind.OTHER
    if status == "Unilateral document" and kind is AgreementKind.PRE_NEGOTIATION:
        return AgreementKind.DECLARATION
    return kind


#: PA-X Status → (which date Dat is, how certain the record is, the role of the Part names).
STATUS_MAP: dict[str, tuple[str, Certainty, Role]] = {
    "Multiparty signed/agreed": ("signed", Certainty.CONFIRMED, Role.SIGNATORY),
    "Agreement with subsequent status": ("signed", Certainty.CONFIRMED, Role.SIGNATORY),
    "Unilateral document": ("announced", Certainty.CONFIRMED, Role.PARTY),
    "Status unclear": ("announced", Certainty.REPORTED, Role.PARTY),
}
DEFAULT_STATUS = ("signed", Certainty.CONFIRMED, Role.SIGNATORY)

#: Words in third-party text that state a role; the first role whose words match wins.
ROLE_WORDS: tuple[tuple[Role, re.Pattern[str]], ...] = (
    (Role.GUARANTOR, re.compile(r"guarant|garant", re.IGNORECASE)),
    (
        Role.MEDIATOR,
        re.compile(
            r"mediat|médiat|facilitat|facilitad|broker|auspices|good offices|m[eé]diation",
            re.IGNORECASE,
        ),
    ),
    (
        Role.OBSERVER,
        re.compile(
            r"observ|witness|in the presence of|en pr[eé]sence|testig|t[eé]moin", re.IGNORECASE
        ),
    ),
)

#: The role of a third party whose text states none; marked for review on the participant.
DEFAULT_THIRD_PARTY_ROLE = Role.OBSERVER


def stated_role(text: str) -> Role | None:
    """The role a piece of third-party text states, if any."""
    for role, pattern in ROLE_WORDS:
        if pattern.search(text):
            return role
    return None
