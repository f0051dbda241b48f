#include "ui/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace pb::ui {

Translations::Translations(const QString& language) : previousLocale_(QLocale())
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    // Numbers, amounts and times follow the chosen language (ui/LocaleFormat).
    QLocale::setDefault(locale);
    // English is the source language: no file, and none wanted even if a system locale lists
    // another language after it.
    if (locale.language() == QLocale::English || locale.language() == QLocale::C) return;
    if (own_.load(locale, "photoblocks", "_", ":/i18n")) ownInstalled_ = QCoreApplication::installTranslator(&own_);
    if (qt_.load(locale, "qtbase", "_", QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        qtInstalled_ = QCoreApplication::installTranslator(&qt_);
}

Translations::~Translations()
{
    QLocale::setDefault(previousLocale_);
    if (ownInstalled_) QCoreApplication::removeTranslator(&own_);
    if (qtInstalled_) QCoreApplication::removeTranslator(&qt_);
}

} // namespace pb::ui
