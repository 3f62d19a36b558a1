package io.cebgw.sandbox;

import java.util.List;

/** The sandbox status page: what arrived with each check's verdict, and every document with its receipts. */
final class StatusPage {
    private StatusPage() {
    }

    static String render(Sandbox sandbox) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"refresh\" content=\"5\"><title>CEB 沙箱 / sandbox</title><style>"
                + "body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;margin-bottom:2em}"
                + "td,th{border:1px solid #ccc;padding:.3em .6em;font-size:.9em;vertical-align:top}.ok{color:#080}.no{color:#b00}"
                + "</style></head><body><h1>CEB 联调沙箱 / joint-test sandbox</h1>");
        html.append("<p>节点 / node ").append(esc(sandbox.config().nodeId())).append(" · 传输 / transport ")
                .append(esc(sandbox.transportName())).append(" · 已登记企业 / enterprises ").append(sandbox.registry().all().size())
                .append(" · 重复投递 / duplicate deliveries ").append(sandbox.ledger().duplicateDeliveries()).append("</p>");
        html.append("<h2>收到的报文 / arrivals</h2><table><tr><th>#</th><th>时间 / time</th><th>类型 / type</th><th>发送方 / sender</th>"
                + "<th>CopMsgId</th><th>检查 / checks</th><th>回复 / answers</th></tr>");
        List<Arrival> arrivals = sandbox.ledger().arrivals();
        for (int i = arrivals.size() - 1; i >= 0 && i >= arrivals.size() - 200; i--) {
            Arrival a = arrivals.get(i);
            html.append("<tr><td>").append(a.number()).append("</td><td>").append(a.time()).append("</td><td>")
                    .append(esc(a.messageType())).append("</td><td>").append(esc(a.senderId())).append("</td><td>")
                    .append(esc(a.copMsgId())).append("</td><td>");
            for (Arrival.Verdict v : a.verdicts()) {
                html.append("<div class=\"").append(v.passed() ? "ok" : "no").append("\">").append(esc(v.check())).append(' ')
                        .append(v.passed() ? "✓" : "✗ " + esc(v.code()) + " " + esc(v.message())).append("</div>");
            }
            html.append("</td><td>").append(esc(String.join(", ", a.answers()))).append("</td></tr>");
        }
        html.append("</table><h2>单证 / documents</h2><table><tr><th>类型 / type</th><th>业务主键 / key</th><th>状态 / status</th>"
                + "<th>回执 / receipts</th></tr>");
        for (Document d : sandbox.ledger().documents()) {
            html.append("<tr><td>").append(esc(d.type())).append("</td><td>").append(esc(d.key())).append("</td><td>")
                    .append(d.status() == null ? "" : d.status().code()).append(d.finished() ? " ■" : "").append("</td><td>");
            for (Document.SentReceipt r : d.receipts()) {
                html.append("<div>").append(esc(r.messageType())).append(' ').append(esc(r.status())).append(' ')
                        .append(esc(r.returnTime())).append(' ').append(esc(r.info())).append("</div>");
            }
            html.append("</td></tr>");
        }
        return html.append("</table></body></html>").toString();
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
