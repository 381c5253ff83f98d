import { fieldReasonInChinese, httpMessageInChinese, isChinese, validationMessageInChinese } from './http-messages-zh';

describe('the HTTP layer in Chinese', () => {
  it('given a constraint and its English message, then the field reason is Chinese and keeps the numbers', () => {
    expect(fieldReasonInChinese('title', 'isString', 'title must be a string')).toBe('字段“title”须为文本。');
    expect(fieldReasonInChinese('year', 'min', 'year must not be less than 2000')).toBe('字段“year”不能小于 2000。');
    expect(fieldReasonInChinese('year', 'max', 'year must not be greater than 2100')).toBe('字段“year”不能大于 2100。');
    expect(fieldReasonInChinese('creditCode', 'isLength', 'creditCode must be an 18-character 统一社会信用代码')).toBe('字段“creditCode”须为 18 个字符。');
    expect(fieldReasonInChinese('claimId', 'matches', 'claimId 只能包含字母、数字和连字符')).toBe('claimId 只能包含字母、数字和连字符');
    expect(fieldReasonInChinese('name', 'isLength', 'name must be longer than or equal to 2 characters')).toBe('字段“name”至少 2 个字符。');
    expect(fieldReasonInChinese('name', 'maxLength', 'name must be shorter than or equal to 200 characters')).toBe('字段“name”不能超过 200 个字符。');
    expect(fieldReasonInChinese('username', 'matches', 'username must be 3-64 letters, digits, dots, dashes or underscores')).toBe('字段“username”须为 3 至 64 个字母、数字、点、短横线或下划线。');
    expect(fieldReasonInChinese('startsOn', 'matches', 'startsOn must be a date as YYYY-MM-DD')).toContain('YYYY-MM-DD 格式的日期');
    expect(fieldReasonInChinese('tier', 'isIn', 'tier must be one of the following values: scenario, key')).toBe('字段“tier”须为以下取值之一:scenario, key。');
    expect(fieldReasonInChinese('secretFlag', 'whitelistValidation', 'property secretFlag should not exist')).toBe('不接受字段“secretFlag”。请删除它,或核对字段名的拼写(见接口文档)。');
    expect(fieldReasonInChinese('x', 'someNewConstraint', 'x is odd')).toBe('字段“x”不符合要求。请按接口文档修改。');
  });

  it('given the English of a known HTTP answer, then the message says in Chinese what to do', () => {
    expect(httpMessageInChinese(401, 'this session has ended (signed out everywhere, password reset or account disabled); sign in again')).toContain('请重新登录');
    expect(httpMessageInChinese(403, 'this action is for admin accounts; you are signed in as applicant')).toBe('此操作仅限管理员账户,您当前以申报单位身份登录。请换用有权限的账户登录。');
    expect(httpMessageInChinese(409, 'the username "expert1" is taken; choose another')).toBe('用户名“expert1”已被使用。请换一个用户名。');
    expect(httpMessageInChinese(413, 'the file is larger than 52428800 bytes (50 MiB), the limit for one attachment of this programme')).toContain('50 MB');
    expect(httpMessageInChinese(429, 'too many failed sign-ins; try again in 15 minute(s), or ask an administrator to lift the lock')).toContain('15 分钟后再试');
    expect(httpMessageInChinese(404, 'no such endpoint: GET /api/v1/nothing')).toContain('GET /api/v1/nothing');
  });

  it('given text already in Chinese or an unknown English text, then the message is Chinese', () => {
    expect(httpMessageInChinese(403, '该账号未关联申报单位,不能提交申请')).toBe('该账号未关联申报单位,不能提交申请');
    for (const status of [400, 401, 403, 404, 405, 409, 412, 413, 415, 418, 429, 500, 503]) {
      expect(isChinese(httpMessageInChinese(status, 'something the developer wrote'))).toBe(true);
    }
  });

  it('given a Chinese message that names commands, paths and formats, then it is kept as it is', () => {
    const pdfUnavailable =
      '服务器暂时无法生成 PDF:CHROMIUM_PATH 指向的 /tmp/no-chromium-x1y2z3/chromium 不是可执行的 Chromium。请管理员在服务器上安装 Chromium 浏览器和中文衬线字体' +
      '(Debian/Ubuntu:apt-get install chromium fonts-noto-cjk;Docker 镜像已自带),或设置 CHROMIUM_PATH;在此之前可下载同一文件的 DOCX 或 HTML 版本(format=docx / format=html)。';
    expect(isChinese(pdfUnavailable)).toBe(true);
    expect(httpMessageInChinese(503, pdfUnavailable)).toBe(pdfUnavailable);
    expect(isChinese('creditCode must be an 18-character 统一社会信用代码')).toBe(false);
    expect(isChinese('no such endpoint')).toBe(false);
  });

  it('given several invalid fields, then the message names them once and says what to do', () => {
    expect(validationMessageInChinese(['title', 'title', 'year'])).toBe('请求中有 2 个字段不符合要求(title、year)。请按 details 中各字段的说明修改后重新提交。');
  });
});
