package io.cebgw.crypto.verify;

/**
 * Why a signature does not verify (or, for the lenient profile, what was accepted with a warning). Codes are
 * stable; {@link #category()} groups them the way the signature-vector README states expected verdicts.
 */
public enum VerifyReason {
    UNREADABLE("CEB-V001", "unreadable", "报文无法解析：%s", "the document cannot be parsed: %s"),
    DTD_PRESENT("CEB-V002", "dtd", "报文含 DOCTYPE/DTD（可能是 XXE 或实体攻击），拒绝验证",
            "the document carries a DOCTYPE/DTD (possible XXE or entity attack); refused"),
    NOT_SIGNED("CEB-V003", "signature", "报文没有 ds:Signature 签名", "the document has no ds:Signature"),
    MULTIPLE_SIGNATURES("CEB-V004", "signature", "报文含 %s 个 ds:Signature，规范只允许一个",
            "the document has %s ds:Signature elements; exactly one is allowed"),
    WRAPPING("CEB-V005", "wrapping", "疑似签名包装攻击：%s", "possible signature wrapping: %s"),
    STRUCTURE("CEB-V006", "structure", "签名结构不符合规范：%s", "the signature's structure is not per spec: %s"),
    REFERENCE("CEB-V007", "reference", "Reference 不符合规范：%s（必须 URI=\"\" 且只有 enveloped-signature 变换）",
            "the Reference is not per spec: %s (it must have URI=\"\" and exactly the enveloped-signature transform)"),
    UNKNOWN_ALGORITHM("CEB-V008", "algorithms", "未知的算法 %s", "unknown algorithm %s"),
    ALGORITHM_PAIR("CEB-V009", "algorithms", "签名算法与摘要算法不配对：%s（规范只允许 rsa-sha1+sha1 或 sm2-sm3+sm3）",
            "signature and digest algorithms do not pair: %s (the spec allows rsa-sha1+sha1 or sm2-sm3+sm3 only)"),
    NON_SPEC_SM2("CEB-V010", "algorithms",
            "非规范的 SM2 变体（W3C 命名空间的 xmldsig#sm2-sm3 加 SHA-1 摘要，某开源加签工具的写法）：%s",
            "the non-spec SM2 variant (W3C-namespace xmldsig#sm2-sm3 with a SHA-1 digest, as one open-source card signer emits): %s"),
    DIGEST_FORM("CEB-V011", "digest", "DigestValue 与摘要算法不符：%s", "the DigestValue does not fit its digest algorithm: %s"),
    DIGEST_MISMATCH("CEB-V012", "digest", "摘要不一致：报文在签名后被修改（%s）",
            "digest mismatch: the document was changed after signing (%s)"),
    CERTIFICATE_MISSING("CEB-V013", "certificate", "KeyInfo 中没有 X509Certificate", "KeyInfo carries no X509Certificate"),
    CERTIFICATE_UNREADABLE("CEB-V014", "certificate", "KeyInfo 中的证书无法解析：%s", "the certificate in KeyInfo cannot be read: %s"),
    UNTRUSTED("CEB-V015", "trust", "签名证书不受信任（%s）：证书必须在配置的信任列表中，或由其中的 CA 签发",
            "the signing certificate is not trusted (%s): it must be configured as trusted or be issued by a configured CA"),
    KEYNAME_MISMATCH("CEB-V016", "keyname", "KeyName 与证书序列号不符：%s", "KeyName does not match the certificate serial: %s"),
    KEY_MISMATCH("CEB-V017", "key", "证书密钥与签名算法不符：%s", "the certificate's key does not fit the signature method: %s"),
    SIGNATURE_DER("CEB-V018", "signature-value", "SM2 签名值是 ASN.1 DER 编码（%s 字节）；规范要求 64 字节 r‖s",
            "the SM2 SignatureValue is ASN.1 DER (%s bytes); the spec requires 64 raw bytes r‖s"),
    SIGNATURE_FORM("CEB-V019", "signature-value", "SignatureValue 格式错误：%s", "the SignatureValue is malformed: %s"),
    SIGNATURE_INVALID("CEB-V020", "signature-value", "签名值校验失败：SignedInfo 不是由该证书的私钥签名（%s）",
            "the signature does not verify: SignedInfo was not signed by this certificate's key (%s)"),
    CERTIFICATE_EXPIRED("CEB-V021", "certificate", "签名证书不在有效期内：%s", "the signing certificate is outside its validity: %s"),
    NO_TRUST_CONFIGURED("CEB-V022", "trust", "未配置受信任的证书或 CA，无法确认签名者（%s）：验签时请指定 --trust",
            "no trusted certificate or CA is configured, so the signer cannot be confirmed (%s): give --trust");

    private final String code;
    private final String category;
    private final String zh;
    private final String en;

    VerifyReason(String code, String category, String zh, String en) {
        this.code = code;
        this.category = category;
        this.zh = zh;
        this.en = en;
    }

    public String code() {
        return code;
    }

    public String category() {
        return category;
    }

    public String zh(String detail) {
        return String.format(zh, detail);
    }

    public String en(String detail) {
        return String.format(en, detail);
    }
}
