/** Value rules shared by codecs, literals and generated code: DECIMAL fitting and date/time text. */
package io.sluice.runtime.types;
