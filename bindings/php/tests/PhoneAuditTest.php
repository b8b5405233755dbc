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
}
