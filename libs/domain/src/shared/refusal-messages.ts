/**
 * What each refusal code means to the person who reads it, in Chinese: what happened and what to do
 * next. The code stays stable for programs; the English `message` of a DomainRefusal stays for
 * developers (the API puts it in `details.reason`). refusal-messages.spec.ts checks that every code
 * the domain and the API raise is here.
 */
export const REFUSAL_MESSAGES: Readonly<Record<string, string>> = {
  // 账户与权限
  forbidden: '您无权执行此操作。请使用有权限的账户登录,或联系评选管理员。',
  'admin-only': '只有管理员可以执行此操作。请使用管理员账户登录。',
  'organisation-not-found': '没有找到该单位的记录。请核对统一社会信用代码。',
  'invalid-credit-code': '统一社会信用代码不正确(18 位,末位为校验位)。请对照营业执照核对后重新填写。',
  'wrong-password': '当前密码不正确。请重新输入;忘记密码请联系评选管理员重置。',
  'account-not-found': '没有这个账户。请核对用户名。',
  'weak-password': '密码须为 10 至 200 个字符。请换一个更长的密码。',
  'unknown-expert': '名单中有系统里不存在的专家。请从可选专家列表中选择。',
  csrf: '页面已过期或请求不是从本系统页面发出,未被接受。请刷新页面后重新提交。',

  // 评选与阶段
  'wrong-phase': '评选当前所处阶段不允许此操作。请在评选页面查看当前阶段和下一步。',
  'selection-not-found': '没有找到该评选。请从评选列表进入。',
  'selection-not-opened': '该评选尚未开放申报。请从评选列表中选择已开放的评选。',
  'selection-already-opened': '该年度(批次)的评选已经开放过。如需再开一轮,请填写新的批次。',
  'unknown-programme': '评选类别不存在。请从列表中选择评选类别。',
  'programme-mismatch': '评选规则与所选评选类别不一致。请重新打开“开放新一轮评选”表单后提交。',
  'invalid-programme-rules': '评选类别的规则配置有误。请联系系统维护人员核对规则文件。',
  'invalid-call-rules': '评选规则设置不正确。请按表单中各项的提示修改。',
  'invalid-rubric': '评分标准设置不正确(各项权重之和须为 100,满分须大于 0)。请修改后重试。',
  'invalid-year': '年度须为 2000 至 2100 之间的整数。请修改年度。',
  'invalid-batch': '批次编号超出允许范围。请填写 1 至 9 之间的批次。',
  'invalid-award': '该评选类别给予政策支持而非资金奖补,不能设置奖补比例或上限。',
  'deadline-not-ahead': '申报截止日期须晚于今天。请选择今天之后的日期。',
  'submissions-still-open': '申报尚未截止,还不能结束申报。请在截止日期之后再操作。',
  'submission-closed': '申报已经截止,不能再提交或修改申报材料。如有特殊情况请联系评选管理部门。',
  'invalid-date': '日期无效。请选择或填写一个真实的日期(年-月-日)。',
  'invalid-instant': '时间格式无效。请重新选择日期和时间。',

  // 申报材料
  'dossier-not-found': '没有找到该申报材料。请从“我的申报”或评选页面进入。',
  'dossier-already-drafted': '本单位在该评选中已有申报材料。请在“我的申报”中继续编辑。',
  'dossier-incomplete': '申报材料尚不完整,不能提交。请按页面列出的缺项补齐后再提交。',
  'wrong-status': '申报材料当前的状态不允许此操作。请刷新页面查看当前状态。',
  'wrong-selection': '该申报材料不属于此评选。请从正确的评选页面进入。',
  'wrong-tier': '该申报材料不在此申报类别中。请核对申报类别。',
  'unknown-tier': '申报类别不存在。请从列表中选择申报类别。',
  'unknown-field': '表单中有本评选不接受的内容。请刷新页面后重新填写。',
  'invalid-field': '有一项内容格式不正确。请按提示修改。',
  'field-too-long': '有一项内容超过了字数上限。请精简后再保存。',
  'text-missing': '有必填内容尚未填写。请补充后再提交。',
  'text-too-long': '内容超过长度上限。请精简后再提交。',
  'investment-not-applicable': '该评选类别不填写投资额。请删除投资额后再保存。',
  'invalid-investment': '投资额须为大于 0 的金额(精确到分)。请修改金额。',
  'approved-above-declared': '核定投资额不能高于申报投资额。请核对后重新填写。',
  'approved-investment-missing': '该评选类别通过形式审查时须填写核定投资额。请填写后再通过。',
  'invalid-project': '项目须有项目编号或名称。请补充后再保存。',
  'invalid-excluded-experts': '申请回避的专家有重复。每位专家只需选择一次。',
  'too-many-excluded-experts': '申请回避的专家超过了允许的人数。请减少到上限以内。',
  'correction-deadline-past': '补正截止日期不能早于今天。请选择今天或之后的日期。',
  'correction-deadline-passed': '补正期限已过,不能再修改或提交。请联系评选管理部门。',
  'formal-review-incomplete': '仍有申报材料未作出形式审查结论(通过、不予受理或要求补正)。请先处理完毕再结束形式审查。',

  // 附件
  'invalid-attachment': '附件不符合要求(文件名不能包含 / 或 \\)。请改名后重新上传。',
  'attachment-already-added': '同一文件已经上传过。无需重复上传。',
  'attachment-not-found': '没有找到该附件。请刷新页面。',
  'attachment-missing': '没有收到文件。请先选择文件再上传。',
  'attachment-type-not-allowed': '只接受 PDF、DOCX、XLSX、PNG、JPEG 格式的文件。请转换格式后重新上传。',
  'attachment-content-mismatch': '文件内容与扩展名不符(文件可能已损坏或被改名)。请重新导出文件后上传。',
  'attachment-too-large': '文件超过单个附件的大小上限。请压缩或拆分后重新上传。',
  'dossier-attachments-too-large': '附件合计超过大小上限。请删除或压缩部分附件后再上传。',
  'too-many-attachments': '附件数量已达上限。请先删除不需要的附件。',
  'attachment-quota-exceeded': '本申报材料的附件已占满存储空间上限。请先删除不需要的附件再上传。',

  // 专家与分配
  'expert-not-found': '没有找到该专家。请刷新专家库页面。',
  'expert-not-registered': '没有找到该专家。请刷新专家库页面。',
  'expert-already-registered': '该专家已经登记。',
  'expert-already-active': '该专家已是启用状态,无需再次启用。',
  'expert-deactivated': '该专家已停用,不能分配评审任务。如需分配请先在专家库中重新启用。',
  'expert-fields-missing': '请至少填写一个专业领域。',
  'expert-fields-too-many': '专业领域最多填写 10 个。请合并或删减。',
  'conflict-already-declared': '已经登记过与该单位的利益冲突,无需重复登记。',
  'conflict-already-covered': '该单位是专家本人所在单位,系统已自动回避,无需登记。',
  'conflict-of-interest': '该专家与申报单位存在利益冲突,不能评审此项目。系统会在补充分配时另选专家。',
  'expert-already-assigned': '该专家已分配到此项目。',
  'expert-recused': '该专家已回避此项目,不能再分配或评分。请补充分配其他专家。',
  'expert-load-full': '该专家的评审任务已达上限。请分配其他专家。',
  'assignment-slots-full': '此项目的专家名额已满。',
  'invalid-assignment-request': '专家分配请求不正确。请刷新页面后重试。',
  'no-experts': '专家库中没有可分配的在册专家。请先在专家库中登记或启用专家。',
  'no-open-places': '所有评审项目的专家均已配齐,无需补充分配。',
  'nothing-to-review': '没有可以评审的项目。请先完成形式审查。',
  'deadline-only-at-start': '评审截止日期只能在开始专家评审时设定,补充分配沿用原截止日期。请清空截止日期后再补充分配。',
  'review-deadline-past': '评审截止日期不能早于今天。请选择今天或之后的日期。',
  'invalid-dossier-list': '项目名单中有重复或不在本阶段的项目。请刷新页面后重试。',

  // 评分与评审
  'expert-not-assigned': '您未被分配评审该项目。请从“我的评审任务”进入。',
  'invalid-score': '评分不正确:每项得分须在 0 至该项满分之间。请按提示修改。',
  'invalid-scores': '评分不完整或超出允许范围,无法汇总。请核对各专家的评分。',
  'score-already-submitted': '您已提交过该项目的评分。如需修改,请使用“修改评分”。',
  'score-not-submitted': '您尚未提交该项目的评分,无法修改。请先保存评分。',
  'draw-pool-too-small': '有申报的本领域可抽取专家(已排除回避、停用和评审数已满的)少于需要抽取的人数。请补充专家库,或改用均衡分配。',
  'draw-already-recorded': '该申报已有评审专家,专家抽取每项申报只进行一次。如有专家回避,请使用“补充分配专家”由备选专家递补。',
  'draw-record-invalid': '抽取记录无法按其种子重现所抽专家,不能保存。请重新抽取。',
  'not-a-draw-reserve': '该专家不是本申报抽取记录中该位次的备选专家。请刷新页面后重试补充分配。',
  'draw-not-found': '该申报的评审专家不是随机抽取的,没有抽取记录可核验。',
  'draw-only-at-start': '专家抽取在开始专家评审时进行;补充分配时,已抽取的申报由备选专家按记录顺序递补。请直接使用“补充分配专家”。',
  'reserves-only-with-draw': '备选专家人数只在选择“随机抽取”时填写。请选择随机抽取,或删去备选人数。',
  'invalid-reserve-count': '每项申报的备选专家人数须为 0 至 10 的整数。请修改后重试。',
  'valid-reviews-below-minimum': '有申报的有效评审意见少于规定份数,不能结束专家评审。请补充分配专家并等待评分,或将其标记为无法评审并说明理由。',
  'dossier-evaluable': '该申报的有效评审意见已达到规定份数,应参加排名,不能标记为无法评审。',
  'dossier-already-not-evaluable': '该申报已被标记为无法评审,无需重复操作。',
  'declaration-not-signed': '您尚未签署本评选的保密承诺和回避声明,不能查看或评审项目材料。请先在“我的评审任务”中阅读并签署声明。',
  'declaration-already-signed': '您已签署过本评选的保密承诺和回避声明,无需再次签署。请直接进入项目评审。',
  'declaration-changed': '声明文本已更新,与您阅读的版本不同。请刷新页面,阅读新的声明后再签署。',
  'score-not-found': '您尚未评分该项目。',
  'nothing-to-change': '修改后的评分与原评分相同,无需保存。',
  'score-for-unknown-dossier': '有评分所对应的项目不在评审名单中。请刷新页面后重试。',
  'review-not-closed': '专家评审尚未结束。请先结束专家评审。',
  'invalid-ranking': '无法对入围名单排序(名额或评分设置有误)。请核对评选规则。',
  'invalid-rank': '排名须为 1 或以上的整数。',
  'expert-not-in-selection': '该专家没有参加本评选的评审,没有评分表。请从参加评审的专家中选择。',

  // 公示与异议
  'calendar-year-unknown': '工作日历缺少所需年份的节假日安排,无法计算公示期。请在“工作日历”页面载入该年度的节假日通知后重试。',
  'calendar-year-known': '该年度的工作日历已经载入,无需重复载入。',
  'invalid-calendar-year': '工作日历数据不正确(年份重复或日期格式有误)。请核对节假日通知后重新载入。',
  'invalid-working-days': '工作日数须为 0 或以上的整数。',
  'nothing-to-publish': '没有项目进入入围名单,无法开始公示。',
  'notice-start-past': '公示开始日期不能早于今天。请选择今天或之后的工作日。',
  'notice-not-started': '该评选尚未开始公示。',
  'notice-running': '公示期尚未结束。请在公示期满后再操作。',
  'outside-notice-window': '当前不在公示期内,不能提出异议。如有问题请联系公示中列出的受理部门。',
  'not-on-shortlist': '该项目不在公示名单中(或已因异议移出)。请从名单中选择项目。',
  'objection-already-filed': '您已对该项目提出过异议,每人对同一项目只能提出一次。请保存好受理编号等待处理结果。',
  'invalid-evidence': '异议证明材料不符合要求(文件名不能包含 / 或 \\,同一文件只需上传一次)。请检查后重新提交。',
  'evidence-type-not-allowed': '证明材料只接受 PDF、PNG、JPEG 格式的文件。请转换格式后重新提交。',
  'evidence-too-large': '单个证明材料不能超过 10 MB。请压缩或拆分后重新提交。',
  'evidence-content-mismatch': '证明材料的内容与其格式不符(文件可能已损坏或被改名)。请重新导出为 PDF 或图片后提交。',
  'evidence-not-found': '没有找到该证明材料。请从异议列表中的链接下载。',
  'too-many-evidence-files': '一份异议最多附 5 个证明材料。请合并或删减后重新提交。',
  'objection-not-found': '没有找到该异议。请核对受理编号。',
  'objection-already-decided': '该异议已经处理过。',
  'objection-already-recorded': '该异议的处理结果已经登记过。',
  'objection-open': '该项目仍有未处理的异议。请先处理异议再确定奖补。',
  'objection-upheld': '该项目的异议已成立,不能给予奖补。',
  'objections-open': '仍有未处理的异议。请先逐一处理异议。',
  'invalid-outcome': '处理结果不在可选范围内。请从列表中选择一项后再提交。',
  'already-dropped': '该项目已因此前的异议移出名单。',
  'shortlist-not-found': '该评选的入围名单尚未公布。',

  // 奖补与公布
  'award-facts-missing': '有入选项目缺少确定奖补所需的资料(如核定投资额)。请核对这些项目后重试。',
  'awards-not-published': '该评选的奖补名单尚未确定或尚未公布。',
  'no-award-list': '该评选类别给予政策支持,没有带金额的奖补名单。',
  'no-annex': '该评选类别公布奖补名单,没有附件3。',
  'duplicate-project': '同一项目在名单中出现了不止一次。请删除重复项。',
  'wrong-year': '名单的年度与所选年度不一致。请核对年度。',
  'future-scenarios-missing': '请至少填写一个未来场景。',
  'future-scenarios-too-many': '未来场景超过了允许的数量。请删减。',
  'future-scenario-repeated': '有未来场景重复出现。请删除重复项。',
  'future-scenarios-not-found': '该年度尚未发布十大未来场景。',
  'future-scenarios-unchanged': '内容与当前发布的版本完全相同,无需再次发布。',
  'awards-not-decided': '该评选尚未确定奖补名单,暂无可导出的内容。请在确定奖补后再导出。',

  // 资金台账与不重复享受
  'identity-declaration-unneeded': '有的同一项目声明并不需要:所涉申报的项目编号与名称并不矛盾,由系统自行判定。请删去这些声明后重新提交。',
  'project-identity-unclear': '无法确定有的申报与已获支持的项目是否为同一项目(项目编号与名称相互矛盾),暂缓决定。请核实后逐对声明是否为同一项目(同一项目按不重复享受处理),再重新提交。',
  'non-duplication-breached': '按照不重复享受、就高原则,该项目累计获得的支持将超过最高支持标准,未予记录。请核对该项目已获得的支持。',
  'fund-overpaid': '支付合计将超过已安排的资金,未予记录。请核对已支付的金额。',
  'fund-entry-exists': '该项目的奖补已经记入资金台账,无需重复记录。',
  'fund-line-exists': '该笔资金已经记入资金台账,无需重复记录。',
  'fund-entry-unknown': '资金台账中没有找到认定为同一项目的此前奖补记录,未予记录。请刷新页面后重试;如仍有问题,请联系系统维护人员。',
  'fund-ledger-mismatch': '该笔资金与资金台账所属单位不一致,未予记录。请联系系统维护人员。',
  'fund-ledger-period': '该笔资金的年度不属于此资金台账的政策期间,未予记录。请联系系统维护人员。',
  'invalid-fund-line': '资金台账记录的金额有误(须为不小于 0 的金额,精确到分),未予记录。请联系系统维护人员。',
  'invalid-declared-support': '已获我省其他同类政策支持的填报有误(文号、政策措施名称、金额、日期或支持文件,或同一文件重复填报)。请按提示修改。',
  'invalid-amount': '金额须为大于 0 的金额(精确到分)。请修改金额。',
  'reason-required': '不予通过、不予支持或暂停拨付时须写明理由。请填写理由后再提交。',
  'invalid-measures': '政策措施的配置有误。请联系系统维护人员核对政策措施配置文件。',

  // 算力券
  'voucher-call-not-found': '该年度算力券申报尚未开放。请等待管理员发布申报通知。',
  'voucher-call-exists': '该年度的算力券申报通知已经发布,无需重复发布。',
  'invalid-voucher-call': '算力券申报通知填写有误(年度、安排方式、申报起止日期或年度预算)。请按各项提示修改。',
  'voucher-call-in-past': '申报截止日期已过。请选择今天或之后的截止日期。',
  'voucher-claims-not-open': '算力券申报尚未开始受理。请在申报开始日期之后提交。',
  'voucher-claims-closed': '本年度算力券申报已经截止,不再受理。请关注下一年度的申报通知。',
  'voucher-claim-not-found': '没有找到该算力券申报。请从算力券申报列表进入。',
  'voucher-claim-exists': '本单位本年度已提交过算力券申报,每家企业每年申报一次。请查看已提交申报的审核情况。',
  'invalid-voucher-claim': '算力券申报内容有误(如单位名称、发票信息或算力支出金额)。请按提示修改后重新提交。',
  'voucher-claim-incomplete': '算力券申报材料不完整,不能提交。请上传页面列出的缺少材料后再提交。',
  'voucher-claim-reviewed': '该算力券申报已经审核,不能再次审核。请刷新页面查看审核结果。',
  'eligible-spend-above-invoices': '核定的算力支出不能超过发票金额合计。请核对发票后重新填写。',
  'voucher-claims-still-open': '本年度算力券按同比例安排补贴,须在申报截止后统一安排。请在申报截止日期之后再操作。',
  'voucher-claims-unreviewed': '本年度算力券按同比例安排补贴,仍有申报尚未审核。请先审核全部申报,再统一安排。',
  'nothing-to-allocate': '没有已审核通过且尚未安排补贴的算力券申报,无需安排。',
  'voucher-not-allocated': '该算力券申报尚未安排补贴,不能发放算力券。请先安排补贴。',
  'voucher-over-issued': '发放的算力券将超过核定补贴中尚未发放的金额。请核对后重新填写发放金额。',
  'invalid-redemption': '兑付信息不完整。请填写算力服务提供方和兑付凭证号后再登记。',
  'invalid-fund-document-kind': '文件类别不正确。请选择算力服务发票、算力服务合同、诚信承诺书、国家级认定文件或其他支持文件之一后重新上传。',
  'fund-document-not-pdf': '资金申请的材料须为 PDF 文件。请将扫描件或文件导出为 PDF 后重新上传。',
  'fund-document-empty': '上传的文件是空的。请检查文件后重新上传。',
  'fund-document-too-large': '文件超过 20 MB 的单个文件上限。请压缩或拆分后重新上传。',
  'fund-document-not-found': '没有找到所选的已上传文件。请重新上传该文件后再提交。',
  'fund-document-quota-exceeded': '本单位为资金申请上传的文件已达存储上限。请联系管理员清理后再上传。',
  'invalid-fund-ledger-query': '资金台账的筛选条件有误。请按提示改正年度、支持措施或统一社会信用代码后重试。',
  'voucher-expired': '该年度算力券已过兑付期限,不能再登记兑付。请核对兑付日期;期限内未兑付的部分不再兑付。',
  'voucher-over-redeemed': '本次兑付金额超过已发放尚未兑付的算力券金额。请核对后重新填写。',

  // 国家级认定支持
  'national-grant-not-found': '没有找到该国家级认定支持申请。请从申请列表进入。',
  'national-grant-exists': '该申请已经提交,无需重复提交。',
  'invalid-national-grant': '国家级认定支持申请填写有误(支持类别、单位名称、平台或产品名称、认定文件的文号、发文机关、获批日期或认定文件)。请按提示修改。',
  'national-grant-decided': '该申请已经作出决定(批准或不予支持),不能再次决定。请刷新页面查看决定结果。',
  'wrong-measure': '该申请的支持类别与本次决定不符(国家级科技创新平台与国家级单项冠军企业分别决定)。请核对申请的支持类别。',
  'national-platform-already-granted': '该国家级科技创新平台此前已获批连续支持,不予重复支持。',
  'amount-required': '国家级单项冠军企业奖励须填写奖励金额。请填写金额后再提交。',
  'one-off-over-cap': '奖励金额超过国家级单项冠军企业一次性奖励的上限。请在上限以内重新填写。',
  'one-off-already-awarded': '本单位已获得过国家级单项冠军企业一次性奖励,不予重复奖励。',
  'national-grant-not-approved': '该申请尚未批准,不能决定年度拨付。请先审核该申请。',
  'instalment-not-found': '支持计划中没有这一年度。请从支持计划中选择年度。',
  'instalment-already-paid': '该年度的支持资金已经拨付,不能重复决定。',
  'instalment-out-of-order': '此前年度的拨付尚未决定。请按年度顺序先决定此前年度的拨付。',
  'instalment-not-due': '该年度的拨付尚未到期。请在该年度内或之后再决定。',
  'instalment-already-suspended': '该年度的拨付已经暂停。恢复拨付时请直接决定拨付。',

  // 政策有效期
  'outside-policy-validity': '该日期不在政策有效期内,不予受理。如政策已延期,请管理员先登记延期文件后重试。',
  'invalid-policy-extension': '延期文件信息不完整(文号、标题或延期后的截止日期)。请补充后重新登记。',
  'policy-extension-exists': '该延期文件已经登记,无需重复登记。',
  'policy-extension-not-later': '延期后的截止日期须晚于现行截止日期。请核对延期文件后重新填写。',

  // 系统
  'stream-not-found': '没有找到这条记录。请从列表进入。',
  'audit-chain-unavailable': '当前事件存储(KurrentDB)不保存哈希链,无法核验完整性或导出带哈希的历史。请使用 PostgreSQL 事件存储(EVENT_STORE=postgres)。',
  'concurrent-change': '有人同时修改了这条记录。请刷新页面后重试。',
  'idempotency-conflict': '这次请求与此前同一编号的请求内容不同。请刷新页面后重新操作。',
  'invalid-format': '导出格式只能选择 xlsx(Excel 表格)或 csv。请重新选择格式后下载。',
};

/** The Chinese message of a refusal code; an unknown code still gets a sentence a person can act on. */
/** Han characters, and a run of four or more Latin words (a developer's English sentence). */
const HAN = /\p{Script=Han}/u;
const LATIN_SENTENCE = /[A-Za-z]+(?:[ ,;:'-]+[A-Za-z]+){3,}/;

/**
 * What a person reads for a refusal: the refusal's own text when it was written for people — in
 * Chinese, with the particulars only it knows (the candidates of a held award, the policy's dates) —
 * otherwise the catalogue's message for its code. The English developer text stays in `details`.
 */
export function messageForPeople(code: string, ownText: string): string {
  return HAN.test(ownText) && !LATIN_SENTENCE.test(ownText) ? ownText : refusalMessage(code);
}

export function refusalMessage(code: string): string {
  return REFUSAL_MESSAGES[code] ?? '操作未被接受。请刷新页面查看当前状态;如仍有问题,请联系评选管理员。';
}
