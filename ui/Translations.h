#pragma once
// The window's language: installs Photoblocks' compiled translation (:/i18n/photoblocks_<lang>.qm,
// built from translations/*.ts) and, where the system has them, Qt's own for standard dialogs,
// for as long as this object lives, and makes the language QLocale's default (numbers, amounts,
// times). Install it before the window is built: strings are translated when widgets are created.
#include <QLocale>
#include <QTranslator>

namespace pb::ui {

class Translations {
public:
    // `language` as GuiSettings::language(): "" for the system's, "en", "de", "fr".
    explicit Translations(const QString& language);
    ~Translations();
    Translations(const Translations&) = delete;
    Translations& operator=(const Translations&) = delete;

    // Whether a Photoblocks translation is in use (English needs none).
    bool active() const { return ownInstalled_; }

private:
    QLocale previousLocale_;
    QTranslator own_;
    QTranslator qt_;
    bool ownInstalled_ = false;
    bool qtInstalled_ = false;
};

} // namespace pb::ui
