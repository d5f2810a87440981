// The calculator's Apply section: partner banks side by side (their payment for the buyer's
// terms at their lowest rate), the application form when signed in ("Sign in to apply" when
// not), and the buyer's applications for this listing with their status.

#include "ui/features/finance/finance_screen.hpp"

#include "client/app_controller.hpp"
#include "client/features/finance/finance_text.hpp"
#include "core/routes/account_routes.hpp"
#include "core/text_format.hpp"
#include "ui/features/finance/finance_ui.hpp"
#include "ui/test_hook.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace dongelek::ui {

using namespace finance_ui;

namespace {

const char* statusKey(ApplicationStatus s)
{
    switch (s) {
    case ApplicationStatus::InReview: return "finance.apply.status.in_review";
    case ApplicationStatus::Approved: return "finance.apply.status.approved";
    case ApplicationStatus::Declined: return "finance.apply.status.declined";
    case ApplicationStatus::Submitted: break;
    }
    return "finance.apply.status.submitted";
}

const char* employmentKey(const std::string& e)
{
    if (e == "self_employed") return "finance.apply.employment.self_employed";
    if (e == "retired") return "finance.apply.employment.retired";
    if (e == "other") return "finance.apply.employment.other";
    return "finance.apply.employment.employed";
}

// "17.5", "20", "14.25": basis points as a percent without trailing zeros.
std::string percentOf(const Strings& s, std::int64_t bp)
{
    if (bp % 100 == 0) return decimalText(s, bp / 100, 0);
    if (bp % 10 == 0) return decimalText(s, bp / 10, 1);
    return decimalText(s, bp, 2);
}

// The error's text when it names `field` (exactly, or "bank_ids[i]" of a bank: `prefix`).
std::string errorFor(const Strings& s, const FinanceApplyState& a, const std::string& field)
{
    if (!a.error || a.error->field != field) return {};
    return a.error->key.empty() || !s.has(a.error->key) ? a.error->message : std::string(s.get(a.error->key));
}

} // namespace

float FinanceScreen::applicantField(ApplicantField f, const char* label, float x, float y, float width, FieldOptions o)
{
    const Strings& s = strings();
    const FinanceApplyState& a = m_module.state().apply;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float labelH = textSize(Font::Bold, label, width).y;
    drawText(dl, Font::Bold, ImVec2(x, y), color::kText, label, width);
    float yy = y + labelH + em(0.375f);
    const std::string wire = toString(f);
    const std::string id = "finance.apply." + wire;
    const std::string error = errorFor(s, a, "applicant." + wire);
    o.label = label;
    o.invalid = !error.empty();
    o.describedBy = error.empty() ? std::string() : id + ".error";
    if (o.height <= 0) o.height = tapSize(em(2.75f));
    std::string text = a.applicant[f];
    if (f == ApplicantField::Email && !a.applicant.emailTyped && text.empty())
        if (const User* u = m_ui.app.session().currentUser()) text = u->email;
    ImGui::SetCursorScreenPos(ImVec2(x, yy));
    const FieldEvents e = formTextField(id.c_str(), "", text, width, o);
    if (e.changed) m_module.setApplicant(f, text);
    yy += o.height + em(0.375f);
    yy += underField(id, error, {}, ImVec2(x, yy), width);
    return yy - y;
}

float FinanceScreen::drawApply(float width)
{
    const Strings& s = strings();
    const FinanceState& st = m_module.state();
    const FinanceApplyState& a = st.apply;
    if (a.banks.status() == Status::Idle) return 0.0f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    Card card(pos, width);
    const float pad = em(1.25f);
    const float x = pos.x + pad, w = width - pad * 2;
    float y = pos.y + pad;
    y += sectionHeading("finance.apply.heading", s.get("finance.apply.heading"), ImVec2(x, y), w) + em(0.75f);

    // The buyer's applications for this listing, with their status.
    const std::vector<LoanApplicationInfo> mine = m_module.applicationsHere();
    if (!mine.empty()) {
        const bool fresh = !a.justSent.empty();
        const std::string head = s.get(fresh ? "finance.apply.sent" : "finance.apply.yours");
        drawText(dl, Font::Bold, ImVec2(x, y), color::kText, head, w);
        hookRect("finance.apply.sent", head, ImVec2(x, y), ImVec2(x + w, y + em(1.25f)), nullptr, withRole(Role::Text));
        y += textSize(Font::Bold, head, w).y + em(0.5f);
        for (const LoanApplicationInfo& x2 : mine) {
            std::string status = s.get(statusKey(x2.status));
            if (x2.status == ApplicationStatus::Approved && x2.offer)
                status = s.format("finance.apply.status.offer",
                                  {{"rate", percentOf(s, x2.offer->rateBp)},
                                   {"payment", formatPrice(s, Money{x2.offer->monthlyPaymentMinor, x2.currency})}});
            const std::string line = x2.bankName + " \xE2\x80\x94 " + status;
            const ImU32 c = x2.status == ApplicationStatus::Declined   ? kDangerText
                            : x2.status == ApplicationStatus::Approved ? kGood
                                                                       : color::kText;
            const ImVec2 size = textSize(Font::Regular, line, w);
            drawText(dl, Font::Regular, ImVec2(x, y), c, line, w);
            hookRect(("finance.apply.application:" + std::to_string(x2.id)).c_str(), line, ImVec2(x, y),
                     ImVec2(x + w, y + size.y), nullptr, withRole(Role::Text));
            y += size.y + em(0.375f);
        }
        // Just sent (the button is further down, out of sight of this): the statuses come into view once.
        if (fresh && m_revealedSent != a.justSent.front()) {
            m_revealedSent = a.justSent.front();
            scrollIntoView(ImVec2(x, pos.y), ImVec2(x + w, y)); // from the card's heading
        }
        ButtonOptions r;
        r.kind = ButtonKind::Secondary;
        r.font = Font::Regular;
        r.size = ImVec2(0, tapSize(em(2.25f)));
        r.enabled = !a.applications.loading();
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        if (button("finance.apply.refresh", s.get("finance.apply.refresh"), r)) m_module.refreshApplications();
        y += r.size.y + em(1.0f);
    }

    // The partner banks.
    drawText(dl, Font::Bold, ImVec2(x, y), color::kText, s.get("finance.apply.banks"), w);
    y += textSize(Font::Bold, s.get("finance.apply.banks"), w).y + em(0.25f);
    {
        const char* note = s.get("finance.apply.banks.note");
        const float h = textSize(Font::Small, note, w).y;
        drawText(dl, Font::Small, ImVec2(x, y), color::kTextMuted, note, w);
        y += h + em(0.5f);
    }
    if (a.banks.loading() && !a.banks.has()) {
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        spinnerBlock("finance.apply.spinner", ImVec2(w, em(3)), shared().nowMs);
        y += em(3);
    } else if (a.banks.status() == Status::Error) {
        const char* t = s.get("finance.apply.banks.error");
        drawText(dl, Font::Regular, ImVec2(x, y), kDangerText, t, w);
        y += textSize(Font::Regular, t, w).y + em(0.5f);
    }
    const std::optional<ApplyTerms> terms = m_module.applyTerms();
    const std::vector<std::string> chosen = m_module.chosenBanks();
    if (a.banks.has()) {
        for (const PartnerBank& b : a.banks.value().banks) {
            const BankFit fit = terms ? bankFit(b, *terms) : BankFit{};
            const bool ok = terms && fit.choosable();
            const bool ticked = std::find(chosen.begin(), chosen.end(), b.id) != chosen.end();
            const float top = y;
            // The name with its checkbox (only banks that fit can be chosen), then the facts.
            const std::string hookId = "finance.apply.bank:" + b.id;
            if (ok) {
                ImGui::SetCursorScreenPos(ImVec2(x - em(0.25f), y));
                if (checkbox(hookId.c_str(), b.name, ticked, w, CheckOptions{})) m_module.toggleBank(b.id);
                y += ImGui::GetItemRectSize().y;
            } else {
                const ImVec2 size = textSize(Font::Bold, b.name, w);
                drawText(dl, Font::Bold, ImVec2(x, y + em(0.25f)), color::kTextMuted, b.name, w);
                hookRect(hookId.c_str(), b.name, ImVec2(x, y), ImVec2(x + w, y + size.y + em(0.5f)), nullptr,
                         withRole(Role::Text));
                y += size.y + em(0.5f);
            }
            const ImU32 muted = ok ? color::kText : color::kTextMuted;
            std::string facts = s.format(b.murabaha ? "finance.apply.bank.profit" : "finance.apply.bank.rate",
                                         {{"min", percentOf(s, b.rateMinBp)}, {"max", percentOf(s, b.rateMaxBp)}});
            facts += "  \xC2\xB7  " + s.format("finance.apply.bank.terms", {{"min", std::to_string(b.termMinMonths)},
                                                                          {"max", std::to_string(b.termMaxMonths)}});
            facts += "  \xC2\xB7  " + s.format("finance.apply.bank.down", {{"percent", percentOf(s, b.minDownPaymentBp)}});
            if (b.maxCarAgeYears > 0)
                facts += "  \xC2\xB7  " + formatCount(s, "finance.apply.bank.car_age_max", b.maxCarAgeYears);
            if (b.minMonthlyIncomeMinor > 0)
                facts += "  \xC2\xB7  " + s.format("finance.apply.bank.income_min",
                                                    {{"amount", formatPrice(s, Money{b.minMonthlyIncomeMinor, b.currency})}});
            const float fh = textSize(Font::Small, facts, w).y;
            drawText(dl, Font::Small, ImVec2(x, y), muted, facts, w);
            y += fh + em(0.25f);
            if (fit.monthlyMinor) {
                const std::string pay =
                    s.format("finance.apply.bank.monthly", {{"payment", formatPrice(s, Money{*fit.monthlyMinor, b.currency})}});
                drawText(dl, Font::Bold, ImVec2(x, y), ok ? color::kAccent : color::kTextMuted, pay, w);
                hookRect((hookId + ".monthly").c_str(), pay, ImVec2(x, y), ImVec2(x + w, y + em(1.25f)), nullptr,
                         withRole(Role::Text));
                y += textSize(Font::Bold, pay, w).y + em(0.25f);
            }
            if (terms && fit.reason) {
                const std::string why = s.get(fit.reason);
                drawText(dl, Font::Small, ImVec2(x, y), color::kTextMuted, why, w);
                hookRect((hookId + ".reason").c_str(), why, ImVec2(x, y), ImVec2(x + w, y + em(1.0f)), nullptr,
                         withRole(Role::Text));
                y += textSize(Font::Small, why, w).y + em(0.25f);
            }
            // A refusal naming this bank (bank_ids[i] of what was sent).
            if (a.error && a.error->field.rfind("bank_ids[", 0) == 0) {
                const std::size_t i = std::strtoul(a.error->field.c_str() + 9, nullptr, 10);
                const std::vector<std::string>& sent = chosen;
                if (i < sent.size() && sent[i] == b.id) y += underField(hookId, errorFor(s, a, a.error->field), {}, ImVec2(x, y), w);
            }
            y += em(0.5f);
            dl->AddLine(ImVec2(x, y - em(0.25f)), ImVec2(x + w, y - em(0.25f)), color::kBorder);
            (void)top;
        }
    }
    y += em(0.5f);

    // The form: signed in only.
    const Session& session = m_ui.app.session();
    if (!session.signedIn()) {
        if (session.phase() != SessionPhase::Unknown) {
            ButtonOptions o;
            o.kind = ButtonKind::Primary;
            o.size = ImVec2(0, tapSize(em(2.5f)));
            o.href = SignInRoute{SignInRoute::Method::Password, safeReturnPath(m_ui.app.current().url())}.url();
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            if (button("finance.apply.sign_in", s.get("finance.apply.sign_in"), o)) m_ui.app.navigate(o.href);
            y += o.size.y;
        }
    } else {
        drawText(dl, Font::Bold, ImVec2(x, y), color::kText, s.get("finance.apply.form"), w);
        y += textSize(Font::Bold, s.get("finance.apply.form"), w).y + em(0.75f);
        const float gap = em(0.75f);
        FieldOptions name;
        name.autocomplete = "name";
        name.maxChars = 120;
        y += applicantField(ApplicantField::FullName, s.get("finance.apply.full_name"), x, y, w, name) + gap;
        FieldOptions phone;
        phone.inputMode = "tel";
        phone.inputType = "tel";
        phone.autocomplete = "tel";
        phone.maxChars = 20;
        y += applicantField(ApplicantField::Phone, s.get("finance.apply.phone"), x, y, w, phone) + gap;
        FieldOptions email;
        email.inputMode = "email";
        email.inputType = "email";
        email.autocomplete = "email";
        y += applicantField(ApplicantField::Email, s.get("finance.apply.email"), x, y, w, email) + gap;
        FieldOptions nid;
        nid.digitsOnly = true;
        const bool bh = m_module.country() == Country::BH;
        nid.maxChars = bh ? 9 : 12;
        y += applicantField(ApplicantField::NationalId, s.get(bh ? "finance.apply.cpr" : "finance.apply.iin"), x, y, w, nid) + gap;
        FieldOptions income;
        income.decimal = true;
        income.suffix = unit();
        income.maxChars = 18;
        y += applicantField(ApplicantField::Income, s.get("finance.apply.income"), x, y, w, income) + gap;
        drawText(dl, Font::Bold, ImVec2(x, y), color::kText, s.get("finance.apply.employment"), w);
        y += em(1.5f);
        for (const char* e : kEmployments) {
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            if (radioOption(("finance.apply.employment:" + std::string(e)).c_str(), s.get(employmentKey(e)), "",
                            a.applicant.employment == e, w))
                m_module.setEmployment(e);
            y += ImGui::GetItemRectSize().y + em(0.25f);
        }
        y += gap;
        // The consent's text in full (it wraps), then the box that gives it.
        {
            const char* text = s.get("finance.apply.consent.text");
            const ImVec2 size = textSize(Font::Small, text, w);
            drawText(dl, Font::Small, ImVec2(x, y), color::kText, text, w);
            hookRect("finance.apply.consent.text", text, ImVec2(x, y), ImVec2(x + size.x, y + size.y), nullptr,
                     withRole(Role::Text));
            y += size.y + em(0.375f);
        }
        ImGui::SetCursorScreenPos(ImVec2(x - em(0.25f), y));
        if (checkbox("finance.apply.consent", s.get("finance.apply.consent"), a.applicant.consent, w))
            m_module.setConsent(!a.applicant.consent);
        y += ImGui::GetItemRectSize().y;
        y += underField("finance.apply.consent", errorFor(s, a, "consent"), {}, ImVec2(x, y), w);
        y += gap;
        // A refusal about the terms or anything without a field of its own here.
        if (a.error) {
            const std::string& f = a.error->field;
            const bool placed = f == "consent" || f.rfind("applicant.", 0) == 0 ||
                                (f.rfind("bank_ids[", 0) == 0 && f != "bank_ids[");
            if (!placed) y += underField("finance.apply.form", errorFor(s, a, f), {}, ImVec2(x, y), w);
        }
        ButtonOptions go;
        go.kind = ButtonKind::Primary;
        go.size = ImVec2(std::min(w, em(16)), tapSize(em(2.75f)));
        go.enabled = !chosen.empty() && a.applicant.consent && !a.submitting && terms.has_value();
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        const std::string label =
            chosen.empty() ? std::string(s.get("finance.apply.choose")) : formatCount(s, "finance.apply.submit", static_cast<std::int64_t>(chosen.size()));
        if (button("finance.apply.submit", label, go)) m_module.submitApplication();
        y += go.size.y;
    }
    y += pad;
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(width, y - pos.y));
    return card.end(y);
}

} // namespace dongelek::ui
