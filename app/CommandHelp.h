#pragma once
// `photoblocksd SUBCOMMAND --help`: every subcommand answers -h/--help with its usage on
// standard output and exit status 0, before looking at any other argument.
#include <QStringList>
#include <QTextStream>

namespace pb::app {

// True when -h or --help comes before any `--` (after which arguments are taken literally).
inline bool asksForHelp(const QStringList& arguments)
{
    for (const QString& argument : arguments) {
        if (argument == "--") return false;
        if (argument == "--help" || argument == "-h") return true;
    }
    return false;
}

// Prints the usage for -h/--help and says so; the command then returns 0.
inline bool answeredHelp(const QStringList& arguments, const char* usage, QTextStream& out)
{
    if (!asksForHelp(arguments)) return false;
    out << usage;
    return true;
}

} // namespace pb::app
