<?php
/**
 * Deleting the plugin removes its options (settings, token secret, schedules). Course packages and
 * learner records stay, unless the admin ticked "Also delete course packages and learner records".
 *
 * @package LmsKit
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/includes/class-schema.php';

$lms_kit_settings = get_option( 'lms_kit_settings', array() );
$lms_kit_delete   = is_array( $lms_kit_settings ) && ! empty( $lms_kit_settings['delete_on_uninstall'] );

delete_option( 'lms_kit_settings' );
delete_option( 'lms_kit_jwt_secret' );
wp_clear_scheduled_hook( 'lms_kit_forward_statements' );
remove_role( 'lms_instructor' );

if ( $lms_kit_delete ) {
	Lms_Kit_Schema::drop();
	foreach ( get_posts( array( 'post_type' => 'lms_course', 'post_status' => 'any', 'numberposts' => -1, 'fields' => 'ids' ) ) as $lms_kit_post ) {
		wp_delete_post( $lms_kit_post, true );
	}
	require_once ABSPATH . 'wp-admin/includes/file.php';
	WP_Filesystem();
	global $wp_filesystem;
	$wp_filesystem->delete( wp_upload_dir()['basedir'] . '/lms-kit', true );
}
