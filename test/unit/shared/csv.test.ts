import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../shared/domain/csv';

describe('toCsv', () => {
  it('writes a header and rows with CRLF line ends, quoting what needs it', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['plain', 'with, comma'],
          ['say "hi"', 'two\nlines'],
        ],
      ),
    ).toBe('a,b\r\nplain,"with, comma"\r\n"say ""hi""","two\nlines"\r\n');
  });

  it('writes empty values as empty cells and other values as JSON', () => {
    expect(toCsv(['n', 'b', 'o', 'x', 'y'], [[3, true, { a: 1 }, null, undefined]])).toBe('n,b,o,x,y\r\n3,true,"{""a"":1}",,\r\n');
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("x")\nnext line'])(
    'prefixes %j with an apostrophe so a spreadsheet shows it as text',
    (cell) => {
      const csv = toCsv(['cell'], [[cell]]);
      expect(Papa.parse<string[]>(csv.trimEnd()).data[1]).toEqual([`'${cell}`]);
    },
  );

  it('escapes a negative number too', () => {
    expect(Papa.parse<string[]>(toCsv(['n'], [[-5]]).trimEnd()).data[1]).toEqual(["'-5"]);
  });

  it('leaves text with a formula character later on alone', () => {
    expect(toCsv(['x'], [['a=b', 'nhs.net@x']])).toBe('x\r\na=b,nhs.net@x\r\n');
  });
});
