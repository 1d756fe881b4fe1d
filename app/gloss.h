/* gloss.h: the Gloss engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-agreement.h"
#include "gloss-attributes.h"
#include "gloss-code.h"
#include "gloss-codebook.h"
#include "gloss-coding.h"
#include "gloss-csv.h"
#include "gloss-document.h"
#include "gloss-error.h"
#include "gloss-export.h"
#include "gloss-extract.h"
#include "gloss-importer.h"
#include "gloss-layout.h"
#include "gloss-merge.h"
#include "gloss-project.h"
#include "gloss-review.h"
#include "gloss-sheet.h"
#include "gloss-table.h"
#include "gloss-tsv.h"
