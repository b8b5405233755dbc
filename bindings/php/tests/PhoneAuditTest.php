<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sesame\PhoneAudit;

final class PhoneAuditTest extends TestCase
{
    public function testWindows1252FileWithSemicolons(): void
    {
        // Windows-1252 bytes: é = \xE9.
        $csv = "nom;T\xE9l\xE9phone\r\nA;06 12 34 56 78\r\nB;01 23 45 67 89\r\nC;0692 12 34 56\r\nD;\r\nE;T\xE9l 06\r\nF;+33 6 12 34 56 78\r\n";
        $path = tempnam(sys_get_temp_dir(), 'audit');
        file_put_contents($path, $csv);
        try {
            $r = PhoneAudit::file($path, 'Téléphone');
        } finally {
            unlink($path);
        }
        $this->assertSame(6, $r['rows']);
        $this->assertSame(['mobile' => 3, 'not_mobile' => 1, 'invalid' => 1, 'empty' => 1, 'overseas' => 1,
            'outside_metadata' => 0], $r['summary']);
        $this->assertSame([['e164' => '+33612345678', 'rows' => [1, 6], 'lines' => [2, 7]]], $r['shared_numbers']);
        $this->assertSame([2, 4, 5], array_column($r['problems'], 'row'));
        $this->assertSame('Tél 06', $r['problems'][2]['input']);
        $this->assertSame('windows-1252', $r['encoding']);
    }

    public function testSummaryHasTheCountsOnly(): void
    {
        $csv = "nom;T\xE9l\xE9phone\r\nA;06 12 34 56 78\r\nB;01 23 45 67 89\r\nC;0692 12 34 56\r\nD;\r\nE;T\xE9l 06\r\nF;+33 6 12 34 56 78\r\n";
        $s = PhoneAudit::bufferSummary($csv, 'Téléphone', ['delimiter' => ';', 'encoding' => 'windows-1252']);
        $this->assertSame([6, 3, 1, 1, 1, 1, 1, 3],
            [$s->rows, $s->mobile, $s->notMobile, $s->invalid, $s->empty, $s->overseas, $s->sharedNumbers, $s->problems]);
        $path = tempnam(sys_get_temp_dir(), 'audit');
        file_put_contents($path, "tel\n0612345678\n+44 20 7946 0958\n");
        try {
            $s = PhoneAudit::fileSummary($path, 'tel');
        } finally {
            unlink($path);
        }
        $this->assertSame([2, 1, 1, 0], [$s->rows, $s->mobile, $s->notMobile, $s->invalid]);
        $this->expectException(\Sesame\IoException::class);
        PhoneAudit::fileSummary('/nonexistent.csv', 'tel');
    }

    public function testErrors(): void
    {
        $this->assertSame(1, PhoneAudit::buffer("tel\n0612345678\n", 'tel')['summary']['mobile']);
        try {
            PhoneAudit::buffer("tel\n", 'courriel');
            $this->fail('no exception');
        } catch (\Sesame\NotFoundException $e) {
            $this->assertSame(-13, $e->getCode());
        }
        $this->expectException(\Sesame\ParseException::class);
        PhoneAudit::buffer("tel\n\"06", 'tel');
    }

    public function testBadOption(): void
    {
        $this->expectException(\Sesame\InvalidArgumentException::class);
        PhoneAudit::buffer("tel\n", 'tel', ['delimiter' => '|']);
    }

    // Issue 19: the secretary's view.
    public function testLineIsTheSpreadsheetRowAndMessagesFollowLang(): void
    {
        $r = PhoneAudit::buffer("nom;tel\nA;0612345678\n\nMARTIN;01 23 45 67 89\n", 'tel');
        $this->assertSame(2, $r['problems'][0]['row']);
        $this->assertSame(4, $r['problems'][0]['line']);
        $this->assertSame('ne peut pas recevoir le SMS : pas un mobile (fixe)', $r['problems'][0]['message']);
        $r = PhoneAudit::buffer("nom;tel\nMARTIN;01 23 45 67 89\n", 'tel', ['lang' => 'en']);
        $this->assertSame('cannot receive the SMS: not a mobile (landline)', $r['problems'][0]['message']);
        $this->expectException(\Sesame\InvalidArgumentException::class);
        PhoneAudit::buffer("tel\n", 'tel', ['lang' => 'de']);
    }

    public function testColumnsForgivenListedAndAmbiguous(): void
    {
        $csv = "Nom;Tél. portable resp. 1;Tél. portable resp. 2\nA;0612345678;0698765432\n";
        $r = PhoneAudit::buffer($csv, 'TEL PORTABLE RESP 2');
        $this->assertSame(['Tél. portable resp. 2', 2, 'folded'], [$r['column'], $r['column_index'], $r['column_match']]);
        try {
            PhoneAudit::buffer($csv, 'portable');
            $this->fail('no exception');
        } catch (\Sesame\ColumnException $e) {
            $this->assertSame(['Tél. portable resp. 1', 'Tél. portable resp. 2'], $e->candidates);
            $this->assertSame(['Nom', 'Tél. portable resp. 1', 'Tél. portable resp. 2'], $e->columns);
            $this->assertInstanceOf(\Sesame\NotFoundException::class, $e);
        }
        try {
            PhoneAudit::bufferSummary($csv, 'courriel');
            $this->fail('no exception');
        } catch (\Sesame\ColumnException $e) {
            $this->assertSame([], $e->candidates);
            $this->assertStringContainsString('"Nom"', $e->getMessage());
        }
        try {
            PhoneAudit::buffer('', 'tel');
            $this->fail('no exception');
        } catch (\Sesame\NotFoundException $e) {
            $this->assertNotInstanceOf(\Sesame\ColumnException::class, $e);
        }
        $this->assertSame('contains', PhoneAudit::bufferColumns($csv, 'mobile')['match']);
        $this->assertSame('Nom', PhoneAudit::bufferColumns($csv)['columns'][0]);
        $path = tempnam(sys_get_temp_dir(), 'audit');
        file_put_contents($path, "nom,GSM\n");
        try {
            $this->assertSame('GSM', PhoneAudit::fileColumns($path, 'portable')['column']);
            try {
                PhoneAudit::file($path, 'courriel');
                $this->fail('no exception');
            } catch (\Sesame\ColumnException $e) {
                $this->assertSame(['nom', 'GSM'], $e->columns);
            }
        } finally {
            unlink($path);
        }
    }

    public function testUtf16Export(): void
    {
        $csv = "\xFF\xFE" . mb_convert_encoding("Nom\tTéléphone portable\r\nLÉVY\t06 12 34 56 78\r\n", 'UTF-16LE', 'UTF-8');
        $r = PhoneAudit::buffer($csv, 'portable');
        $this->assertSame(1, $r['summary']['mobile']);
        $this->assertSame(['utf-16le', "\t", true], [$r['encoding'], $r['delimiter'], $r['bom']]);
        $be = mb_convert_encoding("tel\n0612345678\n", 'UTF-16BE', 'UTF-8');
        $this->assertSame(1, PhoneAudit::buffer($be, 'tel', ['encoding' => 'utf-16be'])['summary']['mobile']);
    }

    public function testOnRowGivesEveryRecordWithItsText(): void
    {
        $csv = "nom;tel\r\nL\xC9VY;06 12 34 56 78\r\n\r\nB;x\r\nC\0D;+33612345678";
        $rows = [];
        $s = PhoneAudit::bufferSummary($csv, 'tel', ['onRow' => function (\Sesame\PhoneAuditRow $r) use (&$rows): void {
            $rows[] = $r;
        }]);
        $this->assertSame(3, $s->rows);
        $this->assertSame([0, 1, 2, 3], array_map(static fn ($r) => $r->row, $rows));
        $this->assertSame([1, 2, 4, 5], array_map(static fn ($r) => $r->line, $rows));
        $this->assertNull($rows[0]->outcome);
        $this->assertSame(['nom', 'tel'], $rows[0]->fields);
        $this->assertSame('LÉVY;06 12 34 56 78', $rows[1]->raw);
        $this->assertSame('windows-1252', $rows[1]->encoding);
        $this->assertSame("\r\n", $rows[2]->gap);
        $this->assertSame(['invalid', 'invalid_character', null], [$rows[2]->outcome, $rows[2]->error, $rows[2]->e164]);
        $this->assertSame(['+33612345678', 'mobile', 2], [$rows[3]->e164, $rows[3]->type, $rows[3]->sameAsLine]);
        $this->assertSame("C\0D", $rows[3]->fields[0]); // exact lengths: an embedded NUL is kept
        $this->assertSame('', $rows[3]->lineEnd);
        try {
            PhoneAudit::buffer($csv, 'tel', ['onRow' => static fn ($r) => $r->row === 0]);
            $this->fail('no exception');
        } catch (\Sesame\CancelledException) {
        }
        $this->expectException(\LogicException::class);
        PhoneAudit::buffer($csv, 'tel', ['onRow' => static function ($r): void {
            throw new \LogicException('boom');
        }]);
    }
}
