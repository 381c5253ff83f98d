/**
 * The API's own answers in Chinese for the person who reads them: what happened and what to do next.
 * Domain refusals have their catalogue (refusal-messages.ts); this covers what the HTTP layer says
 * itself (request validation, sign-in, roles, unknown addresses, limits). The English developer text
 * stays in the body's `details` (`details.reason`, or each field's `reasons`).
 */

const CHINESE = /[\u3400-\u9fff]/;
/** A word of running English: letters only, perhaps with the punctuation that ends it. */
const PLAIN_WORD = /^[A-Za-z]+[,.;:!?]?$/;

/** Three plain English words in a row make a sentence; names of commands, paths, fields and formats do not. */
function hasLatinSentence(text: string): boolean {
  let run = 0;
  for (const token of text.split(/\s+/)) {
    run = PLAIN_WORD.test(token) ? run + 1 : 0;
    if (run >= 3) return true;
  }
  return false;
}

/**
 * Already written for people (several controllers throw Chinese text of their own): Chinese carries the
 * sentence, Latin only names things in it (a path, `apt-get install chromium`, CHROMIUM_PATH). "creditCode
 * must be an 18-character 统一社会信用代码" is not: English carries that sentence.
 */
export function isChinese(text: string): boolean {
  return CHINESE.test(text) && !hasLatinSentence(text);
}

const ROLE_NAMES: Record<string, string> = { admin: '管理员', expert: '评审专家', applicant: '申报单位', public: '公众', system: '系统' };

function roleNames(list: string): string {
  return list
    .split(/\s+or\s+|,\s*/)
    .map((role) => ROLE_NAMES[role.trim()] ?? role.trim())
    .join('或');
}

/** Patterns of the English the HTTP layer and the auth module write, each with its Chinese sentence. */
const KNOWN: readonly [RegExp, (match: RegExpExecArray) => string][] = [
  [/session has ended/, () => '您的登录已失效(已在别处退出、密码已修改或重置,或账户已停用)。请重新登录。'],
  [/session has expired/, () => '登录已过期。请重新登录。'],
  [/^sign in first/, () => '请先登录:用 POST /api/v1/auth/login 取得令牌,再以“Authorization: Bearer <令牌>”请求头发送。'],
  [/username or password is wrong/, () => '用户名或密码不正确,或账户已停用。请核对后重试;忘记密码请联系评选管理员重置。'],
  [/^this action is for (.+) accounts; you are signed in as (\S+)/, (m) => `此操作仅限${roleNames(m[1])}账户,您当前以${roleNames(m[2])}身份登录。请换用有权限的账户登录。`],
  [/^the username "(.*)" is taken/, (m) => `用户名“${m[1]}”已被使用。请换一个用户名。`],
  [/^the organisation (\S+) is already registered/, (m) => `统一社会信用代码为 ${m[1]} 的单位已经注册。请由该单位已有的用户登录,或联系评选管理员为您开通。`],
  [/^there is no account "(.*)"/, (m) => `没有账户“${m[1]}”。请核对用户名。`],
  [/^too many failed sign-ins; try again in (\d+) minute/, (m) => `登录失败次数过多,账户已暂时锁定。请于 ${m[1]} 分钟后再试,或请评选管理员解除锁定。`],
  [/^too many registrations from your address; try again in (\d+) minute/, (m) => `同一网络地址注册过于频繁。请于 ${m[1]} 分钟后再试。`],
  [/^the evidence file is larger than (\d+) bytes/, (m) => `单个证明材料不能超过 ${formatSize(Number(m[1]))}。请压缩或拆分后重新提交。`],
  [/^the file is larger than (\d+) bytes/, (m) => `文件超过本类评选单个附件 ${formatSize(Number(m[1]))} 的上限。请压缩或拆分后再上传。`],
  [/^the request body is larger than the limit of (\d+) bytes/, (m) => `请求内容超过 ${formatSize(Number(m[1]))} 的上限。请精简内容后重新发送;文件请通过附件上传。`],
  [/^If-Match must be a revision ETag/, () => 'If-Match 请求头须为形如 "3" 的版本号(ETag)。请先读取最新内容,用返回的 ETag 重新提交。'],
  [/^no such endpoint: (\S+) (\S+)/, (m) => `没有这个接口:${m[1]} ${m[2]}。请对照接口文档(/api/docs)核对地址和请求方法。`],
  [/changed since you loaded it/, () => '内容在您读取之后已被他人修改。请重新读取最新内容(取得新的 ETag)后再提交。'],
  [/^the request body is not valid JSON/, () => '请求内容不是有效的 JSON。请检查引号、逗号和括号后重新发送。'],
  [/^the request could not be read/, () => '无法读取请求内容(字符集或转义有误)。请检查后重新发送。'],
];

/** What each status means when nothing more specific is known. */
const BY_STATUS: Record<number, string> = {
  400: '请求内容不正确。请按接口文档核对后重新发送。',
  401: '请先登录后再操作。',
  403: '您无权执行此操作。请换用有权限的账户登录,或联系评选管理员。',
  404: '没有找到所请求的内容。请核对地址或编号;它也可能不存在,或您无权查看。',
  405: '该地址不支持这种请求方法。请对照接口文档核对。',
  406: '无法按所要求的格式返回。请改用接口文档列出的格式。',
  409: '操作与当前状态冲突。请刷新查看最新状态后再试。',
  412: '内容在您读取之后已被修改。请重新读取最新内容后再提交。',
  413: '请求内容过大。请精简后重新发送。',
  415: '不支持这种请求内容类型。请按接口文档发送(通常为 application/json 或 multipart/form-data)。',
  429: '请求过于频繁。请稍后再试。',
  503: '服务暂时不可用。请稍后再试;如持续出现,请联系系统维护人员。',
};

/** The Chinese `message` for an HTTP-layer error whose own text is `english` (kept as it is when already Chinese). */
export function httpMessageInChinese(status: number, english: string): string {
  if (isChinese(english)) return english;
  for (const [pattern, sentence] of KNOWN) {
    const match = pattern.exec(english);
    if (match) return sentence(match);
  }
  if (status >= 500) return '服务器处理本次请求时出错。请稍后重试;如仍失败,请把响应中的请求编号告知系统维护人员。';
  return BY_STATUS[status] ?? (status >= 400 && status < 500 ? BY_STATUS[400] : BY_STATUS[503]);
}

/** The Chinese messages of the HTTP layer's own codes (BadInputError's, the database's); the others are in the refusal catalogue. */
export const BAD_INPUT_MESSAGES: Record<string, string> = {
  'malformed-path': '地址中有不完整的 % 转义。请检查链接后重试。',
  'nul-character': '请求中含有 NUL 字符(\\u0000)。请删除后重新发送。',
  'unpaired-surrogate': '请求中含有无效的 UTF-16 代理字符,不是正常文本。请删除后重新发送。',
  'too-deep': '请求内容嵌套层数过多。请简化结构后重新发送。',
  'number-out-of-range': '请求中的数字超出可处理的范围(±9007199254740991)。请改用较小的数。',
  'already-exists': '已存在相同的唯一值(如用户名、编号)。请换一个。',
  'bad-value': '请求中的某个值超出范围或格式不正确。请更正后重新发送。',
};

/** The top-level `message` of a 400 from request validation. */
export function validationMessageInChinese(fields: readonly string[]): string {
  const unique = [...new Set(fields)];
  const named = unique.slice(0, 5).join('、') + (unique.length > 5 ? ` 等 ${unique.length} 项` : '');
  return `请求中有 ${unique.length} 个字段不符合要求(${named})。请按 details 中各字段的说明修改后重新提交。`;
}

const number = (text: string, pattern: RegExp): string | undefined => pattern.exec(text)?.[1];

/**
 * One field's reason in Chinese, from the class-validator constraint that failed and its English
 * message (numbers and allowed values are read from it). A message written in Chinese is kept.
 */
export function fieldReasonInChinese(field: string, constraint: string, english: string): string {
  if (isChinese(english)) return english;
  const name = `字段“${field}”`;
  switch (constraint) {
    case 'isString':
      return `${name}须为文本。`;
    case 'isNotEmpty':
    case 'isDefined':
      return `${name}不能为空,请填写。`;
    case 'isInt':
      return `${name}须为整数。`;
    case 'isNumber':
      return `${name}须为数字。`;
    case 'isBoolean':
      return `${name}须为 true 或 false。`;
    case 'isArray':
      return `${name}须为数组(列表)。`;
    case 'isObject':
    case 'nestedValidation':
      return `${name}须为对象(键值结构)。`;
    case 'isEmail':
      return `${name}须为有效的电子邮箱地址。`;
    case 'min':
      return `${name}不能小于 ${number(english, /less than (-?[\d.]+)/) ?? '允许的最小值'}。`;
    case 'max':
      return `${name}不能大于 ${number(english, /greater than (-?[\d.]+)/) ?? '允许的最大值'}。`;
    case 'arrayMinSize':
      return `${name}至少需要 ${number(english, /at least (\d+)/) ?? 1} 项。`;
    case 'arrayMaxSize':
      return `${name}最多 ${number(english, /no more than (\d+)/) ?? '允许的'} 项。`;
    case 'isIn': {
      const values = /one of the following values: (.*)$/.exec(english)?.[1];
      return values ? `${name}须为以下取值之一:${values}。` : `${name}的取值无效,请从允许的取值中选择。`;
    }
    case 'isLength':
    case 'minLength':
    case 'maxLength':
      return lengthReason(name, english);
    case 'matches':
      return formatReason(name, english);
    case 'whitelistValidation':
      return `不接受字段“${field}”。请删除它,或核对字段名的拼写(见接口文档)。`;
    case 'unknownValue':
      return '请求内容的结构无法识别。请按接口文档发送 JSON 对象。';
    case 'notNull':
      return `${name}不能为 null。不需要时请不要发送该字段,否则请填写一个值。`;
    case 'numberRange':
      return `${name}超出可处理的数字范围(±9007199254740991)。请改用较小的数。`;
    default:
      return `${name}不符合要求。请按接口文档修改。`;
  }
}

function lengthReason(name: string, english: string): string {
  const exact = number(english, /must be (?:an? )?(\d+)[- ]character/);
  if (exact) return `${name}须为 ${exact} 个字符。`;
  const range = /(\d+)-(\d+)/.exec(english);
  if (range) return `${name}须为 ${range[1]} 至 ${range[2]} 个字符。`;
  const atLeast = number(english, /longer than or equal to (\d+)/);
  if (atLeast) return atLeast === '1' ? `${name}不能为空,请填写。` : `${name}至少 ${atLeast} 个字符。`;
  const atMost = number(english, /shorter than or equal to (\d+)/);
  if (atMost) return `${name}不能超过 ${atMost} 个字符。`;
  return `${name}的长度不符合要求。`;
}

function formatReason(name: string, english: string): string {
  if (/YYYY-MM-DD/.test(english)) return `${name}须为 YYYY-MM-DD 格式的日期,例如 2026-03-31。`;
  if (/phone/.test(english)) return `${name}须为 7 至 20 位的电话号码,可含空格和 + - ( )。`;
  if (/e-mail/.test(english)) return `${name}须为电话号码或电子邮箱地址。`;
  const letters = /must be (\d+)-(\d+) letters, digits/.exec(english);
  if (letters) return `${name}须为 ${letters[1]} 至 ${letters[2]} 个字母、数字、点、短横线或下划线。`;
  return `${name}的格式不正确。请按接口文档中的格式填写。`;
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} 字节`;
}
