import { expect } from '@open-wc/testing';
import { isLmsError, type LmsError } from '@lms-kit/core';
import { defaultOrganization, launchableItems, parseManifest } from '@lms-kit/scorm';
import { manifest12, manifest2004 } from './support.js';

function failure(xml: string): LmsError {
  try {
    parseManifest(xml);
  } catch (error) {
    if (isLmsError(error)) return error;
    throw error;
  }
  throw new Error('expected the manifest to be refused');
}

describe('parseManifest', () => {
  it('reads a SCORM 1.2 manifest: nested items, scormtype, masteryscore, datafromlms, prerequisites', () => {
    const pkg = parseManifest(
      manifest12(
        `<item identifier="chapter"><title>Chapter</title>
           <item identifier="a" identifierref="ra" parameters="?page=2"><title>A</title>
             <adlcp:masteryscore>80</adlcp:masteryscore><adlcp:datafromlms>hello</adlcp:datafromlms>
             <adlcp:maxtimeallowed>00:30:00</adlcp:maxtimeallowed><adlcp:timelimitaction>exit,message</adlcp:timelimitaction>
           </item>
           <item identifier="b" identifierref="rb" isvisible="false"><title>B</title><adlcp:prerequisites type="aicc_script">a</adlcp:prerequisites></item>
         </item>`,
        `<resource identifier="ra" type="webcontent" adlcp:scormtype="sco" href="a/index.html"><file href="a/index.html"/></resource>
         <resource identifier="rb" type="webcontent" adlcp:scormtype="asset" href="b.html"/>`,
      ),
    );
    expect(pkg.version).to.equal('1.2');
    expect(pkg.edition).to.equal(undefined);
    expect(pkg.title).to.equal('Test 1.2');
    const [a, b] = launchableItems(defaultOrganization(pkg)!);
    expect(a).to.include({ identifier: 'a', launch: 'a/index.html?page=2', scormType: 'sco', masteryScore: 80, dataFromLMS: 'hello' });
    expect(a).to.include({ maxTimeAllowed: '00:30:00', timeLimitAction: 'exit,message' });
    expect(b).to.include({ scormType: 'asset', isVisible: false, prerequisites: 'a' });
    expect(pkg.organizations[0].items[0].children.map((item) => item.identifier)).to.deep.equal(['a', 'b']);
  });

  it('tells the 2004 editions apart by schemaversion, and 1.2 from 2004 by namespaces when it is missing', () => {
    const org = `<organization identifier="org"><title>T</title><item identifier="i" identifierref="r"><title>I</title></item></organization>`;
    const res = `<resource identifier="r" type="webcontent" adlcp:scormType="sco" href="index.html"/>`;
    expect(parseManifest(manifest2004(org, res, 'CAM 1.3')).edition).to.equal(2);
    expect(parseManifest(manifest2004(org, res, '2004 3rd Edition')).edition).to.equal(3);
    expect(parseManifest(manifest2004(org, res, '2004 4th Edition')).edition).to.equal(4);
    const noVersion12 = manifest12(`<item identifier="i" identifierref="r"><title>I</title></item>`, res).replace(
      /<metadata>.*<\/metadata>/s,
      '',
    );
    expect(parseManifest(noVersion12).version).to.equal('1.2');
    expect(parseManifest(manifest2004(org, res, '')).version).to.equal('2004');
  });

  it('applies xml:base of the manifest, the resources and the resource to launch and file paths', () => {
    const pkg = parseManifest(
      manifest2004(
        `<organization identifier="org"><title>T</title><item identifier="i" identifierref="r"><title>I</title></item></organization>`,
        `<resource identifier="r" type="webcontent" adlcp:scormType="sco" href="start.html" xml:base="unit1/"><file href="start.html"/><file href="../shared/x.js"/></resource>`,
      ).replace('<resources>', '<resources xml:base="content/">'),
    );
    expect(pkg.resources.r.href).to.equal('content/unit1/start.html');
    expect(pkg.resources.r.files).to.deep.equal(['content/unit1/start.html', 'content/shared/x.js']);
    expect(launchableItems(pkg.organizations[0])[0].launch).to.equal('content/unit1/start.html');
  });

  it('reads 2004 sequencing: control modes, rules, limits, rollup, objectives with global maps, presentation, completion threshold', () => {
    const pkg = parseManifest(
      manifest2004(
        `<organization identifier="org" adlseq:objectivesGlobalToSystem="false"><title>T</title>
          <item identifier="pretest" identifierref="r"><title>Pre-test</title>
            <adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.6" progressWeight="2"/>
            <imsss:sequencing>
              <imsss:controlMode choice="false" flow="true" forwardOnly="true"/>
              <imsss:sequencingRules>
                <imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="satisfied"/></imsss:ruleConditions><imsss:ruleAction action="skip"/></imsss:preConditionRule>
                <imsss:postConditionRule><imsss:ruleConditions conditionCombination="any"><imsss:ruleCondition condition="objectiveStatusKnown" operator="not" referencedObjective="obj"/></imsss:ruleConditions><imsss:ruleAction action="retry"/></imsss:postConditionRule>
              </imsss:sequencingRules>
              <imsss:limitConditions attemptLimit="2" attemptAbsoluteDurationLimit="PT1H"/>
              <imsss:rollupRules rollupObjectiveSatisfied="true" objectiveMeasureWeight="0.5">
                <imsss:rollupRule childActivitySet="atLeastCount" minimumCount="2"><imsss:rollupConditions><imsss:rollupCondition condition="completed" operator="not"/></imsss:rollupConditions><imsss:rollupAction action="incomplete"/></imsss:rollupRule>
              </imsss:rollupRules>
              <imsss:objectives>
                <imsss:primaryObjective objectiveID="obj" satisfiedByMeasure="true"><imsss:minNormalizedMeasure>0.7</imsss:minNormalizedMeasure>
                  <imsss:mapInfo targetObjectiveID="global-obj" writeSatisfiedStatus="true"/></imsss:primaryObjective>
                <imsss:objective objectiveID="second"/>
              </imsss:objectives>
              <imsss:deliveryControls tracked="true" completionSetByContent="true"/>
              <adlseq:rollupConsiderations requiredForSatisfied="ifAttempted"/>
            </imsss:sequencing>
            <adlnav:presentation><adlnav:navigationInterface><adlnav:hideLMSUI>continue</adlnav:hideLMSUI><adlnav:hideLMSUI>previous</adlnav:hideLMSUI></adlnav:navigationInterface></adlnav:presentation>
          </item></organization>`,
        `<resource identifier="r" type="webcontent" adlcp:scormType="sco" href="index.html"/>`,
      ),
    );
    const organization = pkg.organizations[0];
    expect(organization.objectivesGlobalToSystem).to.equal(false);
    const item = organization.items[0];
    expect(item.completionThreshold).to.deep.equal({ completedByMeasure: true, minProgressMeasure: 0.6, progressWeight: 2 });
    expect(item.hideLmsUi).to.deep.equal(['continue', 'previous']);
    const sequencing = item.sequencing!;
    expect(sequencing.controlMode).to.deep.equal({ choice: false, flow: true, forwardOnly: true });
    expect(sequencing.preConditionRules).to.deep.equal([
      { conditionCombination: 'all', conditions: [{ condition: 'satisfied', operator: 'noOp' }], action: 'skip' },
    ]);
    expect(sequencing.postConditionRules?.[0]).to.deep.include({ conditionCombination: 'any', action: 'retry' });
    expect(sequencing.postConditionRules?.[0].conditions[0]).to.deep.equal({
      condition: 'objectiveStatusKnown',
      operator: 'not',
      referencedObjective: 'obj',
    });
    expect(sequencing.limitConditions).to.deep.equal({ attemptLimit: 2, attemptAbsoluteDurationLimit: 'PT1H' });
    expect(item.maxTimeAllowed).to.equal('PT1H');
    expect(sequencing.rollupRules).to.deep.equal({
      rollupObjectiveSatisfied: true,
      objectiveMeasureWeight: 0.5,
      rules: [
        {
          childActivitySet: 'atLeastCount',
          minimumCount: 2,
          conditionCombination: 'any',
          conditions: [{ condition: 'completed', operator: 'not' }],
          action: 'incomplete',
        },
      ],
    });
    expect(sequencing.objectives?.[0]).to.deep.include({
      objectiveID: 'obj',
      primary: true,
      satisfiedByMeasure: true,
      minNormalizedMeasure: 0.7,
    });
    expect(sequencing.objectives?.[0].mapInfo[0]).to.deep.include({
      targetObjectiveID: 'global-obj',
      writeSatisfiedStatus: true,
      readSatisfiedStatus: true,
    });
    expect(sequencing.objectives?.[1]).to.deep.include({ objectiveID: 'second', primary: false });
    expect(sequencing.deliveryControls).to.deep.equal({ tracked: true, completionSetByContent: true });
    expect(sequencing.rollupConsiderations).to.deep.equal({ requiredForSatisfied: 'ifAttempted' });
  });

  it('reads 2nd/3rd edition completion thresholds and sequencing collections', () => {
    const pkg = parseManifest(
      manifest2004(
        `<organization identifier="org"><title>T</title><item identifier="i" identifierref="r"><title>I</title>
          <adlcp:completionThreshold>0.75</adlcp:completionThreshold><imsss:sequencing IDRef="shared"/></item></organization>`,
        `<resource identifier="r" type="webcontent" adlcp:scormType="sco" href="index.html"/>`,
        '2004 3rd Edition',
        `<imsss:sequencingCollection><imsss:sequencing ID="shared"><imsss:controlMode flow="true"/></imsss:sequencing></imsss:sequencingCollection>`,
      ),
    );
    const item = pkg.organizations[0].items[0];
    expect(item.completionThreshold).to.deep.equal({ completedByMeasure: true, minProgressMeasure: 0.75, progressWeight: 1 });
    expect(item.sequencing?.idRef).to.equal('shared');
    expect(pkg.sequencingCollection.shared.controlMode).to.deep.equal({ flow: true });
  });

  it('refuses invalid XML, a wrong root, missing resources and a manifest with nothing to launch, saying where', () => {
    expect(failure('<manifest><organizations>').code).to.equal('package/invalid-manifest');
    expect(failure('<?xml version="1.0"?><html/>').message).to.contain('<html>');
    const missing = failure(manifest12(`<item identifier="a" identifierref="nope"><title>A</title></item>`, ''));
    expect(missing.code).to.equal('package/invalid-manifest');
    expect(missing.issues).to.deep.include({ path: 'organizations[0].items[0].identifierref', message: 'unknown resource "nope"' });
    const nothing = failure(manifest12(`<item identifier="a"><title>Only a folder</title></item>`, ''));
    expect(nothing.issues.map((issue) => issue.message)).to.include('no item points at a resource with a launch file');
    const outside = failure(
      manifest12(
        `<item identifier="a" identifierref="r"><title>A</title></item>`,
        `<resource identifier="r" type="webcontent" href="../../etc/passwd"/>`,
      ),
    );
    expect(outside.issues[0].message).to.contain('outside the package');
  });

  it('warns about what it reads but ignores: dependencies on unknown resources, sequencing in 1.2', () => {
    const pkg = parseManifest(
      manifest12(
        `<item identifier="a" identifierref="r"><title>A</title><imsss:sequencing xmlns:imsss="http://www.imsglobal.org/xsd/imsss"/></item>`,
        `<resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="a.html"><dependency identifierref="ghost"/></resource>`,
      ),
    );
    expect(pkg.warnings.map((warning) => warning.code)).to.have.members(['manifest/unknown-resource', 'manifest/ignored']);
  });
});
