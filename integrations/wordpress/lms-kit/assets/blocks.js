/**
 * Editor side of the LMS Kit blocks (plain script on WordPress's globals: no build step). Each block
 * shows what it will put on the page; the page itself is rendered by PHP.
 */
(function (wp) {
  const { registerBlockType } = wp.blocks;
  const { createElement: h } = wp.element;
  const { Placeholder, SelectControl, ToggleControl, TextControl, PanelBody } = wp.components;
  const { InspectorControls, useBlockProps } = wp.blockEditor;
  const { useSelect } = wp.data;
  const { __ } = wp.i18n;

  registerBlockType('lms-kit/course', {
    title: __('LMS Kit course', 'lms-kit'),
    description: __('A course for learners to take, with their progress and certificate.', 'lms-kit'),
    category: 'widgets',
    icon: 'welcome-learn-more',
    attributes: {
      courseId: { type: 'number', default: 0 },
      progress: { type: 'boolean', default: true },
      certificate: { type: 'boolean', default: false },
    },
    edit({ attributes, setAttributes }) {
      const courses = useSelect((select) => select('core').getEntityRecords('postType', 'lms_course', { per_page: 100 }), []);
      const options = [{ value: '0', label: courses ? __('Choose a course…', 'lms-kit') : __('Loading courses…', 'lms-kit') }].concat(
        (courses || []).map((course) => ({
          value: String(course.id),
          label: course.title.raw || course.title.rendered || `#${course.id}`,
        })),
      );
      const picker = h(SelectControl, {
        label: __('Course', 'lms-kit'),
        value: String(attributes.courseId),
        options,
        onChange: (value) => setAttributes({ courseId: Number(value) }),
      });
      return h(
        'div',
        useBlockProps(),
        h(
          InspectorControls,
          null,
          h(
            PanelBody,
            { title: __('Course options', 'lms-kit') },
            h(ToggleControl, {
              label: __('Show progress beside the course', 'lms-kit'),
              checked: attributes.progress,
              onChange: (progress) => setAttributes({ progress }),
            }),
            h(ToggleControl, {
              label: __('Show the certificate when earned', 'lms-kit'),
              checked: attributes.certificate,
              onChange: (certificate) => setAttributes({ certificate }),
            }),
          ),
        ),
        h(Placeholder, { icon: 'welcome-learn-more', label: __('LMS Kit course', 'lms-kit') }, picker),
      );
    },
    save: () => null,
  });

  for (const [name, [tag, title, attributeNames]] of Object.entries(window.lmsKitBlocks || {})) {
    const attributes = Object.fromEntries(Object.keys(attributeNames).map((key) => [key, { type: 'string', default: '' }]));
    registerBlockType(`lms-kit/${name}`, {
      title,
      category: 'widgets',
      icon: 'welcome-learn-more',
      attributes,
      edit({ attributes: values, setAttributes }) {
        return h(
          'div',
          useBlockProps(),
          h(
            Placeholder,
            { icon: 'welcome-learn-more', label: title, instructions: `<${tag}>` },
            Object.keys(attributeNames).map((key) =>
              h(TextControl, { key, label: key, value: values[key], onChange: (value) => setAttributes({ [key]: value }) }),
            ),
          ),
        );
      },
      save: () => null,
    });
  }
})(window.wp);
